using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Propilas.Host.Accounts;
using Propilas.Host.Common;
using Propilas.Host.Database;
using Propilas.Host.Districts;
using Propilas.Host.Obligations;
using Propilas.Host.Pages.Localization;
using Propilas.Rules.Facts;

namespace Propilas.Host.Pages.Obligations;

/// <summary>Who owes what in a district, by when, what was fulfilled; and the form to record an obligation fulfilled.</summary>
public sealed class ObligationListModel(PropilasDb db, ObligationQueries queries, ObligationCommands commands, TimeProvider time) : PageModel
{
    public DistrictRef District { get; private set; } = null!;
    public IReadOnlyList<ObligationView> Obligations { get; private set; } = [];
    /// <summary>Counts per stakeholder over all the district's obligations, whatever the filter.</summary>
    public IReadOnlyList<(Stakeholder Stakeholder, int Total, int Fulfilled, int Overdue)> Summary { get; private set; } = [];
    public ObligationFilter Filter { get; private set; } = new();
    public string Today => Dates.ForInput(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));

    public int? FailedId { get; private set; }
    public bool Stale { get; private set; }
    public string? Message { get; private set; }
    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();
    public string TypedEvidence { get; private set; } = "";
    public string TypedDate { get; private set; } = "";

    [TempData] public string? Saved { get; set; }

    public bool CanFulfil(ObligationView o) => User.CanFulfil(District.Slug, o.Stakeholder);

    public async Task<IActionResult> OnGetAsync(string slug, string? stakeholder, string? status, CancellationToken ct)
    {
        if (await db.FindDistrictAsync(slug, ct) is not { } district) return NotFound();
        if (!User.CanAccess(district.Slug)) return Forbid();
        // An unknown filter word from a hand-edited address lists everything rather than failing.
        Filter = ObligationFilter.Parse(stakeholder, null, status).Filter ?? new ObligationFilter();
        return await ShowAsync(district, ct);
    }

    public async Task<IActionResult> OnPostFulfilAsync(string slug, int id, int version, string? evidence, string? fulfilledOn, string? stakeholder,
        string? status, CancellationToken ct)
    {
        if (await db.FindDistrictAsync(slug, ct) is not { } district) return NotFound();
        if (!User.CanAccess(district.Slug)) return Forbid();
        Filter = ObligationFilter.Parse(stakeholder, null, status).Filter ?? new ObligationFilter();
        var errors = new Dictionary<string, string[]>();
        DateOnly? on = null;
        if (!string.IsNullOrWhiteSpace(fulfilledOn))
        {
            if (Dates.TryReadInput(fulfilledOn, out var d)) on = d;
            else errors["fulfilledOn"] = ["must be a date"];
        }
        var outcome = errors.Count == 0 ? await commands.FulfilAsync(district, id, User, new FulfilRequest(evidence, on, version), ct) : null;
        if (outcome?.Succeeded == true)
        {
            Saved = "1";
            return Redirect($"/districts/{district.Slug}/obligations{FilterQuery(Filter)}#obligation-{id}");
        }
        if (outcome?.Kind == OutcomeKind.NotFound) return NotFound();
        if (outcome?.Kind == OutcomeKind.Forbidden) return Forbid();
        FailedId = id;
        Stale = outcome?.IsStale == true;
        Message = outcome is { Kind: OutcomeKind.Conflict, IsStale: false } ? outcome.Reason ?? "conflict" : null; // a text key
        Errors = outcome?.Errors ?? errors;
        TypedEvidence = evidence ?? "";
        TypedDate = fulfilledOn ?? "";
        Response.StatusCode = outcome?.Kind == OutcomeKind.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return await ShowAsync(district, ct);
    }

    /// <summary>The filter as a query string (<c>?stakeholder=…&amp;status=…</c>), empty when it lists everything.</summary>
    public static string FilterQuery(ObligationFilter filter)
    {
        var parts = new List<string>();
        if (filter.Stakeholder is { } s) parts.Add($"stakeholder={Word(s)}");
        if (filter.Status is { } st) parts.Add($"status={Word(st)}");
        return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
    }

    /// <summary>An enum value as the API and addresses name it: <c>ministryOfHealth</c>.</summary>
    public static string Word(Enum value)
    {
        var name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    private async Task<IActionResult> ShowAsync(DistrictRef district, CancellationToken ct)
    {
        District = district;
        var all = await queries.ListAsync(district, new ObligationFilter(), ct);
        Summary = all.GroupBy(o => o.Stakeholder).OrderBy(g => g.Key)
            .Select(g => (g.Key, g.Count(), g.Count(o => o.Status == ObligationStatus.Fulfilled), g.Count(o => o.Status == ObligationStatus.Overdue)))
            .ToList();
        Obligations = all.Where(o => (Filter.Stakeholder is null || o.Stakeholder == Filter.Stakeholder)
                && (Filter.Status is null || o.Status == Filter.Status || (Filter.Status == ObligationStatus.Open && o.Status == ObligationStatus.Overdue)))
            .ToList();
        return Page();
    }
}
