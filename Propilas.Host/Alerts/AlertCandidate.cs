using Propilas.Rules.Engine;

namespace Propilas.Host.Alerts;

/// <summary>A rule that holds now for a subject of a district: what the reconciler turns into an alert.</summary>
public sealed record AlertCandidate(
    int DistrictId, string RuleId, string Subject, string Severity, IReadOnlyList<string> Notifies, bool Escalated, RuleMessage Message)
{
    public (string, string) Key => (RuleId, Subject);
}

/// <summary>One feature's facts run through its rules. Each feature that raises alerts registers one.</summary>
public interface IAlertSource
{
    /// <summary>The changes that may make its rules hold or clear (besides time, which the scheduled pass covers).</summary>
    DistrictArea Watches { get; }

    /// <summary>Whether an alert of this rule comes from this source: when it alone re-evaluates, only those are compared.</summary>
    bool Raises(string ruleId);

    /// <param name="districtIds">The districts to evaluate; null for all.</param>
    Task<IReadOnlyList<AlertCandidate>> EvaluateAsync(IReadOnlyCollection<int>? districtIds, DateOnly today, CancellationToken ct);
}
