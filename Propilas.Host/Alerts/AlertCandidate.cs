using Propilas.Workflows;

namespace Propilas.Host.Alerts;

/// <summary>A rule that holds now for a subject of a district: what the reconciler turns into an alert.</summary>
public sealed record AlertCandidate(
    int DistrictId, string RuleId, string Subject, string Severity, IReadOnlyList<string> Notifies, bool Escalated, LocalizedText Message)
{
    public (string, string) Key => (RuleId, Subject);
}

/// <summary>One feature's facts run through its rules. Each feature that raises alerts registers one.</summary>
public interface IAlertSource
{
    /// <param name="districtIds">The districts to evaluate; null for all.</param>
    Task<IReadOnlyList<AlertCandidate>> EvaluateAsync(IReadOnlyCollection<int>? districtIds, DateOnly today, CancellationToken ct);
}
