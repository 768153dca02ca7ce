namespace Propilas.Rules.Calculations;

/// <summary>
/// The calculators' parameter files in a rules folder; by default the shipped one (copied next to the binaries as
/// workflows/rules/). A host passes the folder it was configured with.
/// </summary>
public static class RuleFilePaths
{
    public static string RulesDirectory => Path.Combine(AppContext.BaseDirectory, "workflows", "rules");

    public static string InvestmentPlan => InvestmentPlanIn(RulesDirectory);

    public static string Tariff => TariffIn(RulesDirectory);

    public static string WaterBoardFinance => WaterBoardFinanceIn(RulesDirectory);

    public static string InvestmentPlanIn(string folder) => Path.Combine(folder, "investment-plan.json");

    public static string TariffIn(string folder) => Path.Combine(folder, "tariff.json");

    public static string WaterBoardFinanceIn(string folder) => Path.Combine(folder, "water-board-finance.json");
}
