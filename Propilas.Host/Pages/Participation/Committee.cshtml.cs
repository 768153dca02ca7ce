using Propilas.Host.Common;
using Microsoft.AspNetCore.Mvc;
using Propilas.Host.Committee;
using Propilas.Host.Participation;
using Propilas.Rules.Facts;

namespace Propilas.Host.Pages.Participation;

/// <summary>The district's inter-institutional support committee for W&amp;S management.</summary>
public sealed class CommitteeModel(CommitteeRoster roster, ParticipationContext context) : ParticipationPage(context)
{
    public IReadOnlyList<CommitteeMemberView> Members { get; private set; } = [];

    /// <summary>Health, education and a water board: what the institutional gate needs on the committee (rule <c>committee.sector-missing</c>).</summary>
    public IReadOnlyList<Enum> Missing { get; private set; } = [];

    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Organisation { get; set; }
    [BindProperty] public string? Sector { get; set; }
    [BindProperty] public string? Kind { get; set; }
    [BindProperty] public string? Role { get; set; }

    protected override string PageName => "committee";

    protected override async Task LoadRecordsAsync(CancellationToken ct)
    {
        Members = (await roster.ListAsync(User, Slug, ct)).Value ?? [];
        // Members are listed with their words; a word that reads as no sector (none should) covers nothing rather than a default.
        var present = Representation.Of(Members
            .Where(m => Words.TryParse<Propilas.Rules.Facts.Sector>(m.Sector, out _))
            .Select(m => (Words.TryParse<Propilas.Rules.Facts.Sector>(m.Sector, out var s) ? s : default,
                Words.TryParse<CommunityOrganisationKind>(m.CommunityOrganisationKind, out var k) ? k : (CommunityOrganisationKind?)null)));
        Missing = present.Missing([Propilas.Rules.Facts.Sector.Health, Propilas.Rules.Facts.Sector.Education], [CommunityOrganisationKind.WaterBoard]);
    }

    public async Task<IActionResult> OnPostAddAsync(string slug, CancellationToken ct)
    {
        var result = await roster.AddAsync(User, slug, new NewCommitteeMember(Name, Organisation, Sector, Kind, Role), ct);
        return result.Failure is { } f ? await RejectedAsync(slug, "add", f, ct) : Done(slug, $"member-{result.Value!.Id}");
    }

    /// <summary>The member whose removal waits for a second, explicit yes.</summary>
    public int? ConfirmingRemove { get; private set; }

    /// <summary>Removing asks first: without <c>confirm=1</c> the page comes back with the question; only the yes removes.</summary>
    public async Task<IActionResult> OnPostRemoveAsync(string slug, int id, int? version, string? confirm, CancellationToken ct)
    {
        if (confirm != "1")
        {
            ConfirmingRemove = id;
            return await ShowAsync(slug, ct);
        }
        var result = await roster.RemoveAsync(User, slug, id, version, ct);
        return result.Failure is { } f ? await RejectedAsync(slug, $"remove-{id}", f, ct) : Done(slug, "members");
    }

    protected override string FieldId(string form, string field) => field == "communityOrganisationKind" ? "kind" : Kebab(field);
}
