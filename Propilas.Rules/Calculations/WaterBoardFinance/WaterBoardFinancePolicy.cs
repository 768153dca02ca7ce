namespace Propilas.Rules.Calculations;

/// <summary>
/// Financial rules of a water board's agreement with the agency: loan terms, late penalty and the
/// contingency allowance of its income statement. Loaded from workflows/rules/water-board-finance.json.
/// </summary>
/// <param name="AnnualRate">Default annual interest rate of the agency's loan (0.06 = 6 %).</param>
/// <param name="MinimumDownPaymentShare">Smallest down payment, as a fraction of the system's cost.</param>
/// <param name="LatePenaltyRate">Penalty on overdue installments, as a fraction of the amount overdue.</param>
/// <param name="ContingencyRate">Contingencies, as a fraction of operating costs.</param>
public sealed record WaterBoardFinancePolicy(
    decimal AnnualRate,
    decimal MinimumDownPaymentShare,
    decimal LatePenaltyRate,
    decimal ContingencyRate)
{
    public static WaterBoardFinancePolicy LoadDefault() => Load(RuleFilePaths.WaterBoardFinance);

    /// <exception cref="RuleFileException">The file is missing, malformed, or a field is missing or out of range.</exception>
    public static WaterBoardFinancePolicy Load(string filePath) => RuleNode.Read(filePath, root =>
    {
        var loan = root.Property("loan");
        var incomeStatement = root.Property("incomeStatement");
        return new WaterBoardFinancePolicy(
            AnnualRate: loan.Decimal("annualRate", 0m, 1m),
            MinimumDownPaymentShare: loan.Decimal("minimumDownPaymentShare", 0m, 1m),
            LatePenaltyRate: loan.Decimal("latePenaltyRate", 0m, 1m),
            ContingencyRate: incomeStatement.Decimal("contingencyRate", 0m, 1m));
    });

    /// <summary>A loan request on this policy's rate and minimum down payment.</summary>
    public LoanRequest LoanRequest(decimal systemCost, decimal downPayment, int years) =>
        new(systemCost, downPayment, AnnualRate, years, MinimumDownPaymentShare);
}
