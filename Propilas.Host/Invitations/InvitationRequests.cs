namespace Propilas.Host.Invitations;

/// <summary>Dates are <c>yyyy-MM-dd</c>; sector, kind and event are the words of the API (e.g. <c>community-organisation</c>, <c>water-board</c>, <c>planning-workshop-1</c>).</summary>
public sealed record NewInvitation(
    string? Organisation, string? Sector, string? CommunityOrganisationKind, string? Contact, string? Event, string? InvitedOn, string? InvitedBy);

/// <param name="Answer">accepted, declined, or pending to undo a mistaken answer.</param>
/// <param name="AnsweredOn">Defaults to today.</param>
public sealed record InvitationAnswerRequest(string? Answer, string? AnsweredOn, int? ExpectedVersion);

public sealed record AttendanceRequest(bool? Attended, int? ExpectedVersion);

public sealed record InvitationView(
    int Id, string Organisation, string Sector, string? CommunityOrganisationKind, string? Contact, string Event, DateOnly InvitedOn,
    string InvitedBy, string Answer, DateOnly? AnsweredOn, bool? Attended, int Version)
{
    public static InvitationView Of(Invitation i) => new(i.Id, i.Organisation, Common.Words.Of(i.Sector),
        Common.Words.Maybe(i.CommunityOrganisationKind), i.Contact, Common.Words.Of(i.Event), i.InvitedOn, i.InvitedBy,
        Common.Words.Of(i.Answer), i.AnsweredOn, i.Attended, i.Version);
}
