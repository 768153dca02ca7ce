namespace Propilas.Rules.Calculations;

/// <summary>
/// Unrounded figures of a district's investment plan (soles, persons, percentages 0..100).
/// <see cref="InvestmentPlanResult"/> is the rounded form that is shown.
/// </summary>
public sealed record InvestmentPlanFigures(
    string District,
    decimal TotalBudget,
    decimal InvestmentBudget,
    decimal InvestmentSharePct,
    int Population,
    decimal CoveragePct,
    decimal CoverageGoalPct,
    decimal CoverageGapPct,
    decimal NewSystemsPopulation,
    decimal NewSystemsInvestment,
    int RehabilitationPopulation,
    decimal RehabilitationPct,
    decimal RehabilitationInvestment,
    decimal TotalInvestment,
    decimal MunicipalCommitment,
    decimal CommunityCofinancing,
    decimal Balance,
    decimal? MunicipalSharePctToBreakEven);
