namespace Propilas.Rules.Calculations;

/// <summary>A water board's year, in any single currency unit (e.g. thousands of guaranies).</summary>
/// <param name="ContingencyRate">Contingencies as a fraction of total operating costs.</param>
/// <param name="ReplacementProvision">Provision for asset replacement (the depreciation line).</param>
/// <param name="DebtService">Loan installments due in the year.</param>
public sealed record IncomeStatementInput(
    decimal TariffRevenue,
    decimal OtherRevenue,
    IReadOnlyList<CostLine> OperatingCosts,
    decimal ContingencyRate,
    decimal ReplacementProvision,
    decimal DebtService)
{
    public IReadOnlyList<InputError> Validate()
    {
        var errors = new List<InputError>();
        InputChecks.NotNegative(errors, "tariffRevenue", TariffRevenue);
        InputChecks.NotNegative(errors, "otherRevenue", OtherRevenue);
        if (OperatingCosts is null)
            errors.Add(InputError.Required("operatingCosts"));
        else
            for (var i = 0; i < OperatingCosts.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(OperatingCosts[i].Name))
                    errors.Add(InputError.Required($"operatingCosts[{i}].name"));
                InputChecks.NotNegative(errors, $"operatingCosts[{i}].amount", OperatingCosts[i].Amount);
            }
        InputChecks.Fraction(errors, "contingencyRate", ContingencyRate);
        InputChecks.NotNegative(errors, "replacementProvision", ReplacementProvision);
        InputChecks.NotNegative(errors, "debtService", DebtService);
        return errors;
    }
}
