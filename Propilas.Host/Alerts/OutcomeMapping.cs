using System.Runtime.CompilerServices;
using Propilas.Rules.Engine;

namespace Propilas.Host.Alerts;

public static class OutcomeMapping
{
    // A rule's audience is one list per rule (and one more when escalated): map each once, not per outcome.
    private static readonly ConditionalWeakTable<IReadOnlyList<Role>, IReadOnlyList<string>> RoleIds = new();

    public static AlertCandidate ToCandidate(this RuleOutcome outcome, int districtId) => new(
        districtId,
        outcome.RuleId,
        outcome.Subject.ToString(),
        SeverityId(outcome.Severity),
        RoleIds.GetValue(outcome.Notifies, roles => roles.Select(RuleVocabulary.RoleId).ToList()),
        outcome.Escalated,
        outcome.Message);

    /// <summary>The ids of the rules over one fact type: what an alert source raises.</summary>
    public static IReadOnlySet<string> RuleIdsOver<TFact>(this IRuleEvaluator rules) =>
        rules.Rules.Where(r => r.FactType == typeof(TFact)).Select(r => r.Id).ToHashSet();

    private static string SeverityId(Severity severity) => severity switch
    {
        Severity.Info => "info",
        Severity.Warning => "warning",
        Severity.Critical => "critical",
        _ => severity.ToString().ToLowerInvariant(),
    };
}
