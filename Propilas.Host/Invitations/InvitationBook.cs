using Propilas.Host.Common;
using Propilas.Host.Alerts;
using Propilas.Host.Districts;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Propilas.Host.Participation;
using Propilas.Workflows;

namespace Propilas.Host.Invitations;

/// <summary>Reads and records a district's invitations, for the API and the pages alike.</summary>
public sealed class InvitationBook(ParticipationContext context)
{
    private const string What = "invitations";

    public async Task<Outcome<IReadOnlyList<InvitationView>>> ListAsync(ClaimsPrincipal user, string slug, CancellationToken ct)
    {
        var district = await context.OpenAsync(user, slug, write: false, What, ct);
        if (district.Failure is { } f) return f;
        var rows = await context.Db.Set<Invitation>().AsNoTracking().Where(i => i.DistrictId == district.Value!.Id)
            .OrderBy(i => i.InvitedOn).ThenBy(i => i.Id).ToListAsync(ct);
        return rows.Select(InvitationView.Of).ToList();
    }

    /// <summary>The required sectors and organisation kinds no invitation covers yet (empty when the preparatory gate has what it needs).</summary>
    public async Task<Outcome<IReadOnlyList<Enum>>> MissingAsync(ClaimsPrincipal user, string slug, CancellationToken ct)
    {
        var district = await context.OpenAsync(user, slug, write: false, What, ct);
        if (district.Failure is { } f) return f;
        var invited = await context.Db.Set<Invitation>().AsNoTracking().Where(i => i.DistrictId == district.Value!.Id)
            .Select(i => new { i.Sector, i.CommunityOrganisationKind }).Distinct().ToListAsync(ct);
        return Result(RequiredSectors.Missing(invited.Select(i => (i.Sector, i.CommunityOrganisationKind))));
    }

    public async Task<Outcome<InvitationView>> AddAsync(ClaimsPrincipal user, string slug, NewInvitation request, CancellationToken ct)
    {
        var opened = await context.OpenAsync(user, slug, write: true, What, ct);
        if (opened.Failure is { } f) return f;
        var district = opened.Value!;
        var checks = new Checks();
        var organisation = checks.Text("organisation", request.Organisation, Bounds.Title);
        var (sector, kind) = checks.Sector("sector", request.Sector, "communityOrganisationKind", request.CommunityOrganisationKind);
        var contact = checks.Text("contact", request.Contact, Bounds.Title, required: false);
        var workshop = checks.Choice<WorkshopEvent>("event", request.Event);
        var invitedOn = checks.Date("invitedOn", request.InvitedOn);
        checks.NotAfter("invitedOn", invitedOn, context.Today);
        var invitedBy = checks.Text("invitedBy", request.InvitedBy, Bounds.Title, required: false) ?? user.Identity?.Name ?? "";
        if (!checks.Ok) return Failure.Invalid(checks.Errors, "The invitation could not be recorded.");

        var invitation = new Invitation
        {
            DistrictId = district.Id, Organisation = organisation!, Sector = sector!.Value, CommunityOrganisationKind = kind, Contact = contact,
            Event = workshop!.Value, InvitedOn = invitedOn!.Value, InvitedBy = invitedBy, Answer = InvitationAnswer.Pending, Version = 1,
        };
        context.Db.Add(invitation);
        context.Audit(district, user, "invitation.recorded", organisation!, null, Words.Of(InvitationAnswer.Pending), InvitationView.Of(invitation));
        if (await context.SaveAsync(district, "The invitation", DistrictArea.Invitations, ct) is { } failed) return failed;
        return InvitationView.Of(invitation);
    }

    public async Task<Outcome<InvitationView>> AnswerAsync(ClaimsPrincipal user, string slug, int id, InvitationAnswerRequest request, CancellationToken ct)
    {
        var opened = await context.OpenAsync(user, slug, write: true, What, ct);
        if (opened.Failure is { } f) return f;
        var district = opened.Value!;
        var invitation = await FindAsync(district, id, ct);
        if (invitation is null) return Failure.NotFound($"No invitation {id} in district '{slug}'.");
        var checks = new Checks();
        var answer = checks.Choice<InvitationAnswer>("answer", request.Answer);
        DateOnly? answeredOn = null;
        if (answer is not (null or InvitationAnswer.Pending))
        {
            answeredOn = checks.Date("answeredOn", request.AnsweredOn, required: false) ?? (checks.Errors.ContainsKey("answeredOn") ? null : context.Today);
            checks.NotAfter("answeredOn", answeredOn, context.Today);
            if (answeredOn < invitation.InvitedOn) checks.Add("answeredOn", $"must not be before the invitation ({invitation.InvitedOn:yyyy-MM-dd})");
        }
        if (!checks.Ok) return Failure.Invalid(checks.Errors, "The answer could not be recorded.");
        if (ParticipationContext.CheckVersion($"Invitation {id}", invitation.Version, request.ExpectedVersion) is { } stale) return stale;

        var before = Words.Of(invitation.Answer);
        invitation.Answer = answer!.Value;
        invitation.AnsweredOn = answeredOn;
        invitation.Version++;
        context.Audit(district, user, "invitation.answered", invitation.Organisation, before, Words.Of(invitation.Answer),
            new { answeredOn });
        if (await context.SaveAsync(district, $"Invitation {id}", DistrictArea.Invitations, ct) is { } failed) return failed;
        return InvitationView.Of(invitation);
    }

    public async Task<Outcome<InvitationView>> AttendanceAsync(ClaimsPrincipal user, string slug, int id, AttendanceRequest request, CancellationToken ct)
    {
        var opened = await context.OpenAsync(user, slug, write: true, What, ct);
        if (opened.Failure is { } f) return f;
        var district = opened.Value!;
        var invitation = await FindAsync(district, id, ct);
        if (invitation is null) return Failure.NotFound($"No invitation {id} in district '{slug}'.");
        if (request.Attended is null)
            return Failure.Invalid(new Dictionary<string, string[]> { ["attended"] = ["is required: true or false"] }, "The attendance could not be recorded.");
        if (ParticipationContext.CheckVersion($"Invitation {id}", invitation.Version, request.ExpectedVersion) is { } stale) return stale;

        var before = invitation.Attended is null ? null : invitation.Attended.Value ? "attended" : "absent";
        invitation.Attended = request.Attended;
        invitation.Version++;
        context.Audit(district, user, "invitation.attendance", invitation.Organisation, before, request.Attended.Value ? "attended" : "absent");
        if (await context.SaveAsync(district, $"Invitation {id}", DistrictArea.Invitations, ct) is { } failed) return failed;
        return InvitationView.Of(invitation);
    }

    private Task<Invitation?> FindAsync(DistrictRef district, int id, CancellationToken ct) =>
        context.Db.Set<Invitation>().FirstOrDefaultAsync(i => i.Id == id && i.DistrictId == district.Id, ct);

    private static Outcome<IReadOnlyList<Enum>> Result(IReadOnlyList<Enum> missing) => new(missing, null);
}
