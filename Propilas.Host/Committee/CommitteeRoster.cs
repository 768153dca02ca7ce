using Propilas.Host.Common;
using Propilas.Host.Alerts;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Propilas.Host.Participation;
using Propilas.Workflows;

namespace Propilas.Host.Committee;

/// <summary>Reads and changes a district's support committee, for the API and the pages alike.</summary>
public sealed class CommitteeRoster(ParticipationContext context)
{
    private const string What = "support committee";

    public async Task<Outcome<IReadOnlyList<CommitteeMemberView>>> ListAsync(ClaimsPrincipal user, string slug, CancellationToken ct)
    {
        var district = await context.OpenAsync(user, slug, write: false, What, ct);
        if (district.Failure is { } f) return f;
        var rows = await context.Db.Set<CommitteeMember>().AsNoTracking().Where(m => m.DistrictId == district.Value!.Id).OrderBy(m => m.Id).ToListAsync(ct);
        return rows.Select(CommitteeMemberView.Of).ToList();
    }

    public async Task<Outcome<CommitteeMemberView>> AddAsync(ClaimsPrincipal user, string slug, NewCommitteeMember request, CancellationToken ct)
    {
        var opened = await context.OpenAsync(user, slug, write: true, What, ct);
        if (opened.Failure is { } f) return f;
        var district = opened.Value!;
        var checks = new Checks();
        var name = checks.Text("name", request.Name, Bounds.Title);
        var organisation = checks.Text("organisation", request.Organisation, Bounds.Title);
        var (sector, kind) = checks.Sector("sector", request.Sector, "communityOrganisationKind", request.CommunityOrganisationKind);
        var role = checks.Text("role", request.Role, Bounds.Name);
        if (!checks.Ok) return Failure.Invalid(checks.Errors, "The committee member could not be added.");

        var member = new CommitteeMember
        {
            DistrictId = district.Id, Name = name!, Organisation = organisation!, Sector = sector!.Value, CommunityOrganisationKind = kind, Role = role!,
            Version = 1,
        };
        context.Db.Add(member);
        context.Audit(district, user, "committee.member-added", $"{name} ({organisation})", null, role, CommitteeMemberView.Of(member));
        if (await context.SaveAsync(district, "The committee", DistrictArea.Committee, ct) is { } failed) return failed;
        return CommitteeMemberView.Of(member);
    }

    public async Task<Outcome<CommitteeMemberView>> RemoveAsync(ClaimsPrincipal user, string slug, int id, int? expectedVersion, CancellationToken ct)
    {
        var opened = await context.OpenAsync(user, slug, write: true, What, ct);
        if (opened.Failure is { } f) return f;
        var district = opened.Value!;
        var member = await context.Db.Set<CommitteeMember>().FirstOrDefaultAsync(m => m.Id == id && m.DistrictId == district.Id, ct);
        if (member is null) return Failure.NotFound($"No committee member {id} in district '{slug}'.");
        if (ParticipationContext.CheckVersion($"Committee member {id}", member.Version, expectedVersion) is { } stale) return stale;

        context.Db.Remove(member);
        context.Audit(district, user, "committee.member-removed", $"{member.Name} ({member.Organisation})", member.Role, null);
        if (await context.SaveAsync(district, $"Committee member {id}", DistrictArea.Committee, ct) is { } failed) return failed;
        return CommitteeMemberView.Of(member);
    }
}
