using Propilas.Rules.Calculations;

namespace Propilas.Host.Calculations;

/// <summary>The calculators' parameter files, read once at start-up (a bad file stops the host, naming it).</summary>
public sealed record CalculationDefaults(InvestmentPlanParameters InvestmentPlan, TariffSchedule Tariff, WaterBoardFinancePolicy WaterBoardFinance)
{
    /// <summary>From the configured rules folder (<c>Rules:Folder</c>), like every other rule file.</summary>
    public static CalculationDefaults Load(string rulesFolder) =>
        new(InvestmentPlanParametersFile.Load(RuleFilePaths.InvestmentPlanIn(rulesFolder)),
            TariffSchedule.Load(RuleFilePaths.TariffIn(rulesFolder)),
            WaterBoardFinancePolicy.Load(RuleFilePaths.WaterBoardFinanceIn(rulesFolder)));
}
