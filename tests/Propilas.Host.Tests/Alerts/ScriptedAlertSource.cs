using Propilas.Host.Alerts;
using Propilas.Rules.Engine;

namespace Propilas.Host.Tests.Alerts;

/// <summary>An alert source whose findings the test sets, to drive the reconciler through raise, escalate and resolve.</summary>
public sealed class ScriptedAlertSource : IAlertSource
{
    private volatile AlertCandidate[] _holding = [];

    public int Calls;

    private Barrier? _barrier;
    private int _waiting;

    /// <summary>When set, the next evaluations wait here until as many have arrived as it counts (later ones pass).</summary>
    public Barrier? Barrier
    {
        get => _barrier;
        set
        {
            _waiting = 0;
            _barrier = value;
        }
    }

    public void Hold(params AlertCandidate[] candidates) => _holding = candidates;

    /// <summary>All by default; a test narrows it to see a change pass the source by.</summary>
    public DistrictArea Watches { get; set; } = DistrictArea.All;

    public bool Raises(string ruleId) => ruleId.StartsWith("test.", StringComparison.Ordinal);

    public Task<IReadOnlyList<AlertCandidate>> EvaluateAsync(IReadOnlyCollection<int>? districtIds, DateOnly today, CancellationToken ct)
    {
        Interlocked.Increment(ref Calls);
        if (_barrier is { } barrier && Interlocked.Increment(ref _waiting) <= barrier.ParticipantCount)
            barrier.SignalAndWait(TimeSpan.FromSeconds(30));
        return Task.FromResult<IReadOnlyList<AlertCandidate>>(
            _holding.Where(c => districtIds is null || districtIds.Contains(c.DistrictId)).ToList());
    }

    public static AlertCandidate Candidate(int districtId, string subject = "water-board:1", bool escalated = false, string severity = "warning",
        string rule = "test.rule", params string[] notifies) =>
        new(districtId, rule, subject, severity, notifies.Length > 0 ? notifies : escalated ? ["alderman", "mayor"] : ["alderman"], escalated,
            RuleMessage.Fixed($"Regla {rule} para {subject}", $"Rule {rule} for {subject}"));
}
