namespace Propilas.Rules.Engine;

/// <summary>
/// A loaded rule, for the host: which rules can raise on a fact type (so it can resolve alerts whose rule no longer holds)
/// and whom each notifies.
/// </summary>
public sealed record RuleDescriptor(
    string Id,
    string RuleSetId,
    string File,
    Type FactType,
    Severity Severity,
    IReadOnlyList<Role> Notifies,
    IReadOnlyList<Role> EscalationAlsoNotifies)
{
    /// <summary>
    /// The fact's properties the rule reads (conditions, computed values, messages), e.g. <c>Invited</c>: a host that
    /// builds facts from several queries may skip those no rule it runs reads.
    /// </summary>
    public IReadOnlySet<string> FactMembers { get; init; } = new HashSet<string>();

    /// <summary>The rule's name for people, in Spanish and English (the file's optional <c>title</c>); null when the file gives none.</summary>
    public Propilas.Rules.Facts.LocalizedText? Title { get; init; }
}
