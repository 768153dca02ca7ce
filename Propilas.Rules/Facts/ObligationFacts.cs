namespace Propilas.Rules.Facts;

/// <summary>A stakeholder obligation the host persisted from the <c>ObligationPlanner</c>.</summary>
public sealed record ObligationFacts : IRuleFact
{
    public required int Id { get; init; }
    /// <summary>The planner's stable key, e.g. <c>diagnosis.municipality.1</c>.</summary>
    public required string Key { get; init; }
    public required Stakeholder Stakeholder { get; init; }
    public required LocalizedText Text { get; init; }
    public required DateOnly DueOn { get; init; }
    public required bool Fulfilled { get; init; }
    /// <summary>Days past the due date (0 on or before it).</summary>
    public required int DaysOverdue { get; init; }
    /// <summary>Days left until the due date (0 on it and after it), computed by the host from its clock, for reminders.</summary>
    public required int DaysUntilDue { get; init; }

    public RuleSubject Subject => RuleSubject.Obligation(Id);
}
