namespace Propilas.Rules.Calculations;

/// <summary>Where the shipped rule files live at run time (copied next to the binaries as workflows/rules/).</summary>
public static class RuleFilePaths
{
    public static string RulesDirectory => Path.Combine(AppContext.BaseDirectory, "workflows", "rules");

    public static string InvestmentPlan => Path.Combine(RulesDirectory, "investment-plan.json");

    public static string Tariff => Path.Combine(RulesDirectory, "tariff.json");

    public static string WaterBoardFinance => Path.Combine(RulesDirectory, "water-board-finance.json");
}
