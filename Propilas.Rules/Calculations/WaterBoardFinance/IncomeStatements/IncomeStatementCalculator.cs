namespace Propilas.Rules.Calculations;

/// <summary>Builds a water board's annual income statement.</summary>
public static class IncomeStatementCalculator
{
    /// <exception cref="CalculationInputException">Negative amounts, unnamed cost lines or a rate outside 0..1.</exception>
    public static IncomeStatement Calculate(IncomeStatementInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        CalculationInputException.ThrowIfAny("income statement input", input.Validate());

        var totalRevenue = input.TariffRevenue + input.OtherRevenue;
        var operatingCosts = input.OperatingCosts.Sum(line => line.Amount);
        var contingencies = operatingCosts * input.ContingencyRate;
        var operatingIncome = totalRevenue - operatingCosts - contingencies;
        var available = operatingIncome - input.ReplacementProvision;
        var tariffCoverage = input.TariffRevenue
            - (operatingCosts + contingencies + input.DebtService + input.ReplacementProvision);

        return new IncomeStatement(
            input.TariffRevenue,
            input.OtherRevenue,
            totalRevenue,
            input.OperatingCosts,
            operatingCosts,
            contingencies,
            operatingIncome,
            input.ReplacementProvision,
            available,
            input.DebtService,
            NetSurplus: available - input.DebtService,
            TariffCoverageBalance: tariffCoverage,
            TariffsCoverCosts: tariffCoverage >= 0);
    }
}
