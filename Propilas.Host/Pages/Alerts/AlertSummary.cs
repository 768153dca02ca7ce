using Propilas.Host.Alerts;

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

    public static int SeverityRank(string severity) => Array.IndexOf(AlertInbox.Severities, severity) is var i and >= 0 ? i : AlertInbox.Severities.Length;
}
