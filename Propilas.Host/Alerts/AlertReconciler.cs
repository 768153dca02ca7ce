using Microsoft.EntityFrameworkCore;
using Propilas.Host.Common;
using Propilas.Host.Database;

namespace Propilas.Host.Alerts;

public sealed record AlertChanges(int Raised, int Escalated, int Resolved, int Updated)
{
    public int Total => Raised + Escalated + Resolved + Updated;
}

/// <summary>
/// Runs every alert source over some districts and brings their alerts in line, in one transaction:
/// a new holding rule raises an alert, a stronger one escalates it, a cleared one resolves it. Running it
/// twice changes nothing the second time, so the scheduled pass can be retried freely.
/// </summary>
public sealed class AlertReconciler(PropilasDb db, IEnumerable<IAlertSource> sources, TimeProvider time)
{
    public const string System = "system";

    public Task<AlertChanges> ReevaluateDistrictAsync(int districtId, CancellationToken ct) => RunAsync([districtId], ct);

    public Task<AlertChanges> RunAllAsync(CancellationToken ct) => RunAsync(null, ct);

    private async Task<AlertChanges> RunAsync(IReadOnlyCollection<int>? districtIds, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var candidates = new Dictionary<(string, string), AlertCandidate>();
        foreach (var source in sources)
            foreach (var candidate in await source.EvaluateAsync(districtIds, today, ct))
                candidates[candidate.Key] = candidate;

        var query = db.Alerts.Where(a => a.Status != AlertStatus.Resolved);
        if (districtIds is not null) query = query.Where(a => districtIds.Contains(a.DistrictId));
        var live = await query.ToDictionaryAsync(a => (a.RuleId, a.Subject), ct);

        int raised = 0, escalated = 0, resolved = 0, updated = 0;
        var audit = new List<(int DistrictId, AuditEvent Event)>();
        foreach (var (key, candidate) in candidates)
        {
            if (!live.TryGetValue(key, out var alert))
            {
                alert = new Alert
                {
                    DistrictId = candidate.DistrictId, RuleId = candidate.RuleId, Subject = candidate.Subject, Severity = candidate.Severity,
                    Notifies = string.Join(',', candidate.Notifies), Escalated = candidate.Escalated, MessageEs = candidate.Message.Es,
                    MessageEn = candidate.Message.En, Status = AlertStatus.Open, RaisedAt = now, EscalatedAt = candidate.Escalated ? now : null,
                    Version = 1,
                };
                db.Alerts.Add(alert);
                raised++;
                audit.Add((candidate.DistrictId, Event("alert.raised", alert, null, candidate.Severity, now)));
                continue;
            }
            if (candidate.Escalated && !alert.Escalated)
            {
                // A wider audience must see it, so an acknowledged alert opens again.
                audit.Add((alert.DistrictId, Event("alert.escalated", alert, alert.Severity, candidate.Severity, now)));
                alert.Escalated = true;
                alert.EscalatedAt = now;
                alert.Status = AlertStatus.Open;
                escalated++;
            }
            else if (alert.Severity == candidate.Severity && alert.MessageEs == candidate.Message.Es && alert.MessageEn == candidate.Message.En
                     && alert.Escalated == candidate.Escalated)
            {
                continue;
            }
            else updated++;
            alert.Severity = candidate.Severity;
            alert.Notifies = string.Join(',', candidate.Notifies);
            alert.Escalated = candidate.Escalated;
            alert.MessageEs = candidate.Message.Es;
            alert.MessageEn = candidate.Message.En;
            alert.Version++;
        }
        foreach (var (key, alert) in live)
        {
            if (candidates.ContainsKey(key)) continue;
            audit.Add((alert.DistrictId, Event("alert.resolved", alert, alert.Status.ToString(), "resolved", now)));
            alert.Status = AlertStatus.Resolved;
            alert.ResolvedAt = now;
            alert.Version++;
            resolved++;
        }

        var changes = new AlertChanges(raised, escalated, resolved, updated);
        if (changes.Total == 0) return changes;
        var subjects = await SubjectsAsync(audit.Select(a => a.DistrictId).Distinct().ToList(), ct);
        foreach (var (districtId, e) in audit) e.Subject = subjects[districtId];
        db.AuditEvents.AddRange(audit.Select(a => a.Event));
        await db.SaveChangesAsync(ct);
        return changes;
    }

    /// <summary>District id → its audit subject (<c>district:slug</c>).</summary>
    private async Task<Dictionary<int, string>> SubjectsAsync(IReadOnlyCollection<int> districtIds, CancellationToken ct) =>
        (await db.Districts.AsNoTracking().Where(d => districtIds.Contains(d.Id)).Select(d => new { d.Id, d.Slug }).ToListAsync(ct))
        .ToDictionary(d => d.Id, d => d.Slug.Subject.Value);

    private static AuditEvent Event(string action, Alert alert, string? before, string? after, DateTimeOffset now) => new()
    {
        Subject = "", // set once the district slugs are loaded
        Action = action, Target = $"{alert.RuleId} {alert.Subject}", By = System, Role = System, At = now, Before = before, After = after,
    };
}
