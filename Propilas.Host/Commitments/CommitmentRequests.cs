using Propilas.Rules.Facts;

namespace Propilas.Host.Commitments;

/// <param name="Amount">Soles, when the commitment is money; for the municipality's annual investment commitment, per year.</param>
/// <param name="FirstYear">With <paramref name="LastYear"/>: the years of the municipality's annual investment commitment.</param>
/// <param name="DueOn"><c>yyyy-MM-dd</c>.</param>
public sealed record NewCommitment(string? Party, bool? IsMunicipality, string? What, decimal? Amount, int? FirstYear, int? LastYear, string? DueOn);

/// <param name="FulfilledOn">Defaults to today.</param>
public sealed record FulfilRequest(string? Evidence, string? FulfilledOn, int? ExpectedVersion);

public sealed record CancelRequest(string? Reason, int? ExpectedVersion);

public sealed record CommitmentView(
    int Id, string Party, bool IsMunicipality, string What, decimal? Amount, int? FirstYear, int? LastYear, DateOnly DueOn, string Status,
    int DaysOverdue, string? Evidence, DateOnly? FulfilledOn, string? CancelReason, int Version)
{
    public static CommitmentView Of(Commitment c, DateOnly today) => new(c.Id, c.Party, c.IsMunicipality, c.What, c.Amount, c.FirstYear, c.LastYear,
        c.DueOn, Common.Words.Of(c.Status), c.Status == CommitmentStatus.Pending ? c.DaysOverdue(today) : 0, c.Evidence, c.FulfilledOn,
        c.CancelReason, c.Version);
}

/// <summary>The investment plan inputs; money in soles, coverage 0..100. The first plan year defaults to the year after the base year.</summary>
public sealed record InvestmentBudgetRequest(
    int? BaseYear, decimal? TotalBudget, decimal? InvestmentBudget, int? Population, decimal? CoveragePct, int? RehabilitationPopulation,
    int? FirstPlanYear, int? ExpectedVersion);

public sealed record InvestmentBudgetInputs(
    int BaseYear, decimal TotalBudget, decimal InvestmentBudget, int Population, decimal CoveragePct, int RehabilitationPopulation, int FirstPlanYear,
    int Version);

/// <param name="Budget">Null until the district's investment plan inputs are recorded.</param>
/// <param name="Share">Committed over the plan's budget (0..1).</param>
public sealed record MunicipalShareView(
    InvestmentBudgetInputs? Budget, IReadOnlyList<InvestmentYear> Years, decimal PlanBudget, decimal MunicipalCommitment, decimal Share,
    decimal MinimumShare, int PlanYears, bool Met);
