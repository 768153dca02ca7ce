using Propilas.Rules.Calculations;

namespace Propilas.Host.Calculations;

/// <summary>The calculators' parameter files, read once at start-up (a bad file stops the host, naming it).</summary>
public sealed record CalculationDefaults(InvestmentPlanParameters InvestmentPlan, TariffSchedule Tariff, WaterBoardFinancePolicy WaterBoardFinance)
{
    public static CalculationDefaults Load() =>
        new(InvestmentPlanParametersFile.LoadDefault(), TariffSchedule.LoadDefault(), WaterBoardFinancePolicy.LoadDefault());
}
