using System.Globalization;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Propilas.Host.Accounts;
using Propilas.Host.Alerts;
using Propilas.Host.Database;
using Propilas.Host.Districts;
using Propilas.Rules.Facts;

namespace Propilas.Host.Pages.Alerts;

/// <summary>
/// The alerts inbox, of every district (the coordinator at <c>/alerts</c>) or of one (<c>/districts/{slug}/alerts</c>, or
/// <c>/alerts</c> for a district's people, who see their own district only): filtered, most severe and oldest first, a page
/// at a time, and acknowledged one or many at once.
/// </summary>
public sealed class InboxModel(PropilasDb db, AlertInbox inbox, AlertRules rules, AlertAcknowledgement acknowledgement, TimeProvider time) : PageModel
{
    /// <summary>The district shown; null when the coordinator sees every district.</summary>
    public DistrictRef? District { get; private set; }

    /// <summary>Reached as <c>/districts/{slug}/alerts</c>: the district is fixed by the address, not by a filter.</summary>
    public bool OfDistrictPage { get; private set; }

    public AlertFilter Filter { get; private set; } = new();
    public InboxPage Result { get; private set; } = new([], 0, 1, AlertInbox.PageSize);

    /// <summary>Up to this many districts the filter is a list; beyond, a field for the district's short name (its slug).</summary>
    public const int DistrictsInAList = 150;

    /// <summary>The districts the coordinator may filter by (empty for the others).</summary>
    public IReadOnlyList<(DistrictSlug Slug, string Name)> Districts { get; private set; } = [];

    /// <summary>The district's live alerts by rule (on a district's inbox).</summary>
    public AlertSummary? Summary { get; private set; }

    public DateTimeOffset Now => time.GetUtcNow();
    public bool IsCoordinator => User.IsCoordinator();
    public string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    [TempData] public int? Acknowledged { get; set; }
    [TempData] public string? Refused { get; set; }

    /// <summary>The rules that raise alerts, by title in the reader's language.</summary>
    public IReadOnlyList<(string Id, LocalizedText? Title)> Rules =>
        [.. rules.Raising.Select(r => (r.Id, r.Title)).OrderBy(r => r.Title?.In(Language) ?? r.Id, StringComparer.CurrentCulture)];

    public LocalizedText? TitleOf(string ruleId) => rules.TitleOf(ruleId);

    /// <summary>An open alert addressed to one of the reader's roles (any, for the coordinator): the API's rule.</summary>
    public bool CanAcknowledge(InboxAlert a)
    {
        var roles = User.ToActor().Roles;
        return a.Status == AlertStatus.Open && (IsCoordinator || a.NotifiedRoles.Any(roles.Contains));
    }

    public Task<IActionResult> OnGetAsync(string? slug, string? district, string? rule, string? severity, string? status, bool mine, int p,
        CancellationToken ct) => ShowAsync(slug, district, rule, severity, status, mine, p, ct);

    /// <param name="alerts">Checked boxes, each <c>id:version</c> (the version the person saw).</param>
    public async Task<IActionResult> OnPostAcknowledgeAsync(string? slug, string? district, string? rule, string? severity, string? status, bool mine,
        int p, string[] alerts, CancellationToken ct)
    {
        if (await ScopeAsync(slug, district, ct) is { } refusal) return refusal;
        var requests = alerts.Select(Parse).OfType<(long, int?)>().ToList();
        if (requests.Count > 0)
        {
            var results = await acknowledgement.AcknowledgeAsync(requests, User, ct);
            Acknowledged = results.Count(r => r.Succeeded);
            var refused = results.Where(r => !r.Succeeded).GroupBy(r => r.Outcome).Select(g => $"{g.Key}:{g.Count()}").ToList();
            Refused = refused.Count == 0 ? null : string.Join(',', refused);
        }
        return Redirect(Request.Path + QueryOf(district, rule, severity, status, mine, p));

        static (long, int?)? Parse(string value)
        {
            var parts = value.Split(':');
            if (!long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return null;
            int? version = parts.Length > 1 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;
            return (id, version);
        }
    }

    /// <summary>What was refused, from the last acknowledgement: (outcome word, count).</summary>
    public IReadOnlyList<(string Outcome, int Count)> RefusedCounts => Refused is null ? [] :
        [.. Refused.Split(',').Select(p => p.Split(':')).Where(p => p.Length == 2).Select(p => (p[0], int.Parse(p[1], CultureInfo.InvariantCulture)))];

    private async Task<IActionResult> ShowAsync(string? slug, string? district, string? rule, string? severity, string? status, bool mine, int page,
        CancellationToken ct)
    {
        if (await ScopeAsync(slug, district, ct) is { } refusal) return refusal;
        // Unknown words from a hand-edited address list everything rather than fail.
        Filter = new AlertFilter(
            rule is not null && rules.IsKnown(rule) ? rule : null,
            severity is not null && AlertInbox.Severities.Contains(severity) ? severity : null,
            Enum.TryParse<AlertStatus>(status, ignoreCase: true, out var s) && !int.TryParse(status, out _) ? s : null,
            mine);
        if (District is null && !IsCoordinator) return Page(); // a signed-in person of no district: nothing to show
        Result = await inbox.ReadAsync(District?.Id, Filter, User.ToActor().Roles, page, ct);
        if (IsCoordinator && !OfDistrictPage)
            Districts = [.. (await db.Districts.AsNoTracking().Select(d => new { d.Slug, d.Name }).ToListAsync(ct))
                .Select(d => (d.Slug, d.Name)).OrderBy(d => d.Name, StringComparer.CurrentCulture)];
        if (OfDistrictPage) Summary = await AlertSummary.ReadAsync(db, District!.Id, District.Slug.Value, ct);
        return Page();
    }

    /// <summary>Sets <see cref="District"/> from the address or the filter; a refusal when there is none such or the reader may not see it.</summary>
    private async Task<IActionResult?> ScopeAsync(string? slug, string? district, CancellationToken ct)
    {
        OfDistrictPage = slug is not null;
        var wanted = slug ?? (string.IsNullOrEmpty(district) ? null : district);
        if (wanted is null)
        {
            if (!IsCoordinator && User.HomeDistrict() is { } home) District = await db.FindDistrictAsync(home.Value, ct);
            return null;
        }
        if (await db.FindDistrictAsync(wanted, ct) is not { } found) return NotFound();
        if (!User.CanAccess(found.Slug)) return StatusCode(403);
        District = found;
        return null;
    }

    /// <summary>This page's address with the filters, on another page of results.</summary>
    public string PageUrl(int page) => Request.Path + QueryOf(District is not null && !OfDistrictPage && IsCoordinator ? District.Slug.Value : null,
        Filter.Rule, Filter.Severity, Filter.Status?.ToString().ToLowerInvariant(), Filter.Mine, page);

    public string CurrentQuery => QueryOf(District is not null && !OfDistrictPage && IsCoordinator ? District.Slug.Value : null,
        Filter.Rule, Filter.Severity, Filter.Status?.ToString().ToLowerInvariant(), Filter.Mine, Result.Page);

    private static string QueryOf(string? district, string? rule, string? severity, string? status, bool mine, int page)
    {
        var query = new QueryBuilder();
        if (!string.IsNullOrEmpty(district)) query.Add("district", district);
        if (!string.IsNullOrEmpty(rule)) query.Add("rule", rule);
        if (!string.IsNullOrEmpty(severity)) query.Add("severity", severity);
        if (!string.IsNullOrEmpty(status)) query.Add("status", status);
        if (mine) query.Add("mine", "true");
        if (page > 1) query.Add("p", page.ToString(CultureInfo.InvariantCulture)); // not "page", the route value naming the Razor page
        return query.ToString();
    }
}
