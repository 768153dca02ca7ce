using Microsoft.EntityFrameworkCore;
using Propilas.Host.Database;
using Propilas.Host.Districts;

namespace Propilas.Host.Alerts;

/// <summary>What an inbox shows: null filters show everything; no status means every alert not resolved.</summary>
public sealed record AlertFilter(string? Rule = null, string? Severity = null, AlertStatus? Status = null, bool Mine = false);

/// <summary>One alert as an inbox lists it.</summary>
public sealed record InboxAlert(
    long Id, DistrictSlug District, string DistrictName, string RuleId, string Severity, bool Escalated, string Notifies, string MessageEs,
    string MessageEn, AlertStatus Status, DateTimeOffset RaisedAt, DateTimeOffset? AcknowledgedAt, string? AcknowledgedBy, int Version)
{
    public IReadOnlyList<string> NotifiedRoles => Notifies.Split(',', StringSplitOptions.RemoveEmptyEntries);
}

public sealed record InboxPage(IReadOnlyList<InboxAlert> Alerts, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>
/// A page of alerts, most severe first and then oldest first, filtered and counted in the database: the country has
/// a hundred and fifty thousand of them. One district's are read through the (district, status) index.
/// </summary>
public sealed class AlertInbox(PropilasDb db)
{
    public const int PageSize = 25;

    public static readonly string[] Severities = ["critical", "warning", "info"];

    /// <param name="districtId">One district, or null for every district (the coordinator's inbox).</param>
    /// <param name="roles">The reader's roles, for <see cref="AlertFilter.Mine"/>.</param>
    public async Task<InboxPage> ReadAsync(int? districtId, AlertFilter filter, IReadOnlyCollection<string> roles, int page, CancellationToken ct)
    {
        var alerts = db.Alerts.AsNoTracking();
        if (districtId is { } id) alerts = alerts.Where(a => a.DistrictId == id);
        alerts = filter.Status is { } status
            ? alerts.Where(a => a.Status == status)
            : alerts.Where(a => a.Status == AlertStatus.Open || a.Status == AlertStatus.Acknowledged);
        if (filter.Rule is { } rule) alerts = alerts.Where(a => a.RuleId == rule);
        if (filter.Severity is { } severity) alerts = alerts.Where(a => a.Severity == severity);
        if (filter.Mine)
        {
            // Notifies is comma-separated ("atm,coordinator"): commas around both sides match whole role names only.
            var wrapped = roles.Select(r => "," + r + ",").ToList();
            alerts = alerts.Where(a => wrapped.Any(r => ("," + a.Notifies + ",").Contains(r)));
        }

        var total = await alerts.CountAsync(ct);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pages);
        var rows = await (
                from a in alerts
                join d in db.Districts on a.DistrictId equals d.Id
                orderby (a.Severity == "critical" ? 0 : a.Severity == "warning" ? 1 : 2), a.RaisedAt, a.Id
                select new InboxAlert(a.Id, d.Slug, d.Name, a.RuleId, a.Severity, a.Escalated, a.Notifies, a.MessageEs, a.MessageEn, a.Status,
                    a.RaisedAt, a.AcknowledgedAt, a.AcknowledgedBy, a.Version))
            .Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return new InboxPage(rows, total, page, PageSize);
    }
}
