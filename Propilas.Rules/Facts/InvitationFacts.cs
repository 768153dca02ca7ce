namespace Propilas.Rules.Facts;

public enum InvitationEvent
{
    MethodologyWorkshop,
    PlanningWorkshop,
}

/// <summary>One invitation sent by the municipality (usually by the delegated alderman).</summary>
public sealed record InvitationFacts : IRuleFact
{
    public required int Id { get; init; }
    public required string Organisation { get; init; }
    public required Sector Sector { get; init; }
    /// <summary>Set when <see cref="Sector"/> is <see cref="Sector.CommunityOrganisation"/>.</summary>
    public CommunityOrganisationKind? CommunityOrganisationKind { get; init; }
    public required InvitationEvent Event { get; init; }
    public required DateOnly InvitedOn { get; init; }
    public required bool Answered { get; init; }
    public required int DaysSinceInvitation { get; init; }

    public RuleSubject Subject => RuleSubject.Invitation(Id);
}
