namespace Propilas.Host.StrategicPlan;

/// <param name="KeyIssue">infrastructure, aom, health-hygiene-education or municipal-community-management.</param>
/// <param name="TargetValue">The measurable target; with it, its unit and year.</param>
public sealed record GoalRequest(string? KeyIssue, string? Text, decimal? TargetValue, string? TargetUnit, int? TargetYear, int? ExpectedVersion);

public sealed record ActivityRequest(int? GoalId, string? Text, string? Owner, int? Year, int? ExpectedVersion);

public sealed record GoalView(int Id, string KeyIssue, string Text, decimal? TargetValue, string? TargetUnit, int? TargetYear, int Version)
{
    public static GoalView Of(PlanGoal g) => new(g.Id, Common.Words.Of(g.KeyIssue), g.Text, g.TargetValue, g.TargetUnit, g.TargetYear, g.Version);
}

public sealed record ActivityView(int Id, int GoalId, string Text, string? Owner, int Year, int Version)
{
    public static ActivityView Of(PlanActivity a) => new(a.Id, a.GoalId, a.Text, a.Owner, a.Year, a.Version);
}
