using Propilas.Rules.Facts;

namespace Propilas.Rules.Engine;

/// <summary>
/// A rule whose condition holds for a subject: the host keeps one open alert per (<see cref="RuleId"/>, <see cref="Subject"/>).
/// </summary>
/// <param name="Notifies">The rule's roles, plus the escalation's when <see cref="Escalated"/>.</param>
public sealed record RuleOutcome(
    string RuleId,
    RuleSubject Subject,
    Severity Severity,
    IReadOnlyList<Role> Notifies,
    bool Escalated,
    RuleMessage Message);
