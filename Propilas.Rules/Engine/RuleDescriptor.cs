namespace Propilas.Rules.Engine;

/// <summary>
/// A loaded rule, for the host: which rules can raise on a fact type (so it can resolve alerts whose rule no longer holds)
/// and which rules guard a gate.
/// </summary>
public sealed record RuleDescriptor(
    string Id,
    string RuleSetId,
    string File,
    Type FactType,
    Severity Severity,
    IReadOnlyList<Role> Notifies,
    IReadOnlyList<Role> EscalationAlsoNotifies,
    GateStage? Gate);
