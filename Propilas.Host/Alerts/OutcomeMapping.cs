using Propilas.Rules.Engine;
using Propilas.Workflows;

namespace Propilas.Host.Alerts;

public static class OutcomeMapping
{
    public static AlertCandidate ToCandidate(this RuleOutcome outcome, int districtId) => new(
        districtId,
        outcome.RuleId,
        outcome.Subject.ToString(),
        outcome.Severity.ToString().ToLowerInvariant(),
        outcome.Notifies.Select(RuleVocabulary.RoleId).ToList(),
        outcome.Escalated,
        new LocalizedText(outcome.Message.Es, outcome.Message.En));
}
