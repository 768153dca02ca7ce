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

    /// <summary>Whether the rule runs over this fact type: what an alert source over that type raises.</summary>
    public static bool IsOver<TFact>(this IRuleEvaluator rules, string ruleId) => rules.Find(ruleId)?.FactType == typeof(TFact);

    private static string SeverityId(Severity severity) => severity switch
    {
        Severity.Info => "info",
        Severity.Warning => "warning",
        Severity.Critical => "critical",
        _ => severity.ToString().ToLowerInvariant(),
    };
}
