namespace Propilas.Rules.Calculations;

/// <summary>
/// A district's investment plan as shown: soles and persons rounded to the unit, percentages to one
/// decimal (midpoints away from zero), each rounded from the unrounded <see cref="InvestmentPlanFigures"/>.
/// </summary>
/// <param name="Balance">Municipal commitment + community co-financing − total investment; negative means leverage is needed.</param>
/// <param name="MunicipalSharePctToBreakEven">
/// Municipal share (%) of the annual investment budget that makes the balance zero; null when the investment budget is zero.
/// </param>
public sealed record InvestmentPlanResult(
    string District,
    decimal TotalBudget,
    decimal InvestmentBudget,
    decimal InvestmentSharePct,
    int Population,
    decimal CoveragePct,
    decimal CoverageGoalPct,
    decimal CoverageGapPct,
    int NewSystemsPopulation,
    decimal NewSystemsInvestment,
    int RehabilitationPopulation,
    decimal RehabilitationPct,
    decimal RehabilitationInvestment,
    decimal TotalInvestment,
    decimal MunicipalCommitment,
    decimal CommunityCofinancing,
    decimal Balance,
    decimal? MunicipalSharePctToBreakEven)
{
    public static InvestmentPlanResult From(InvestmentPlanFigures f) => new(
        f.District,
        InputChecks.RoundToUnit(f.TotalBudget),
        InputChecks.RoundToUnit(f.InvestmentBudget),
        InputChecks.RoundToTenth(f.InvestmentSharePct),
        f.Population,
        InputChecks.RoundToTenth(f.CoveragePct),
        InputChecks.RoundToTenth(f.CoverageGoalPct),
        InputChecks.RoundToTenth(f.CoverageGapPct),
        (int)InputChecks.RoundToUnit(f.NewSystemsPopulation),
        InputChecks.RoundToUnit(f.NewSystemsInvestment),
        f.RehabilitationPopulation,
        InputChecks.RoundToTenth(f.RehabilitationPct),
        InputChecks.RoundToUnit(f.RehabilitationInvestment),
        InputChecks.RoundToUnit(f.TotalInvestment),
        InputChecks.RoundToUnit(f.MunicipalCommitment),
        InputChecks.RoundToUnit(f.CommunityCofinancing),
        InputChecks.RoundToUnit(f.Balance),
        f.MunicipalSharePctToBreakEven is { } share ? InputChecks.RoundToTenth(share) : null);
}
