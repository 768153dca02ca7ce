using Microsoft.EntityFrameworkCore;
using Propilas.Host.Alerts;
using Propilas.Host.Database;

namespace Propilas.Host.Pages.Alerts;

/// <summary>One district's live alerts, one line per rule: how many, the worst severity, since when the oldest is open.</summary>
public sealed record AlertSummary(string Slug, IReadOnlyList<AlertSummary.Line> Lines)
{
    public sealed record Line(string RuleId, int Count, string WorstSeverity, DateTimeOffset OldestRaisedAt);

    public int Total => Lines.Sum(l => l.Count);

    /// <summary>From alerts already read (e.g. those a process page shows); resolved ones are left out. Most severe rules first,
    /// then those open longest.</summary>
    public static AlertSummary From(string slug, IEnumerable<Alert> alerts) => Of(slug,
        alerts.Where(a => a.Status != AlertStatus.Resolved).GroupBy(a => a.RuleId).Select(g => new Line(
            g.Key, g.Count(), g.MinBy(a => SeverityRank(a.Severity))!.Severity, g.Min(a => a.RaisedAt))));

    public static AlertSummary Of(string slug, IEnumerable<Line> lines) =>
        new(slug, [.. lines.OrderBy(l => SeverityRank(l.WorstSeverity)).ThenBy(l => l.OldestRaisedAt).ThenBy(l => l.RuleId, StringComparer.Ordinal)]);

    /// <summary>A district's live (open or acknowledged) alerts by rule, counted in the database.</summary>
    public static async Task<AlertSummary> ReadAsync(PropilasDb db, int districtId, string slug, CancellationToken ct)
    {
        var groups = await db.Alerts.AsNoTracking()
            .Where(a => a.DistrictId == districtId && (a.Status == AlertStatus.Open || a.Status == AlertStatus.Acknowledged))
            .GroupBy(a => new { a.RuleId, a.Severity })
            .Select(g => new { g.Key.RuleId, g.Key.Severity, Count = g.Count(), OldestId = g.Min(a => a.Id) })
            .ToListAsync(ct);
        // Alert ids grow with time, so the smallest is the oldest; its date is read with it.
        var oldestIds = groups.Select(g => g.OldestId).ToList();
        var raised = await db.Alerts.AsNoTracking().Where(a => oldestIds.Contains(a.Id)).Select(a => new { a.Id, a.RaisedAt })
            .ToDictionaryAsync(a => a.Id, a => a.RaisedAt, ct);
        return Of(slug, groups.GroupBy(g => g.RuleId).Select(byRule => new Line(
            byRule.Key, byRule.Sum(g => g.Count), byRule.MinBy(g => SeverityRank(g.Severity))!.Severity,
            byRule.Min(g => raised[g.OldestId]))));
    }

    public static int SeverityRank(string severity) => Array.IndexOf(AlertInbox.Severities, severity) is var i and >= 0 ? i : AlertInbox.Severities.Length;
}
