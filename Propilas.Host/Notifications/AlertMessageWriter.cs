using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Propilas.Host.Accounts;
using Propilas.Host.Alerts;
using Propilas.Host.Database;
using Propilas.Rules.Engine;

namespace Propilas.Host.Notifications;

/// <summary>
/// Writes the messages of alerts raised or escalated into the same save, so the same transaction, as the alerts
/// themselves (whoever saves them: the alert pass or a change's re-evaluation). Every active person with an address who
/// holds a notified role for the alert's district (the coordinator: for every district) gets one: a critical alert to
/// send at once, any other queued for their daily digest unless they turned that topic off. A message already written
/// for the person, alert (escalated or not) and day is not written again.
/// </summary>
public sealed class AlertMessageWriter(TimeProvider time, NotificationSettings settings, IRuleEvaluator rules) : SaveChangesInterceptor
{
    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken ct = default)
    {
        if (eventData.Context is PropilasDb db) await WriteAsync(db, ct);
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is PropilasDb db) WriteAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    // A save that failed is tried again by its caller (the reconciler detaches its alerts and runs again): the messages
    // written for it go too, or they would be inserted twice.
    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken ct = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    private static void Forget(DbContext? context)
    {
        if (context is null) return;
        foreach (var entry in context.ChangeTracker.Entries<OutboxMessage>().Where(e => e.State == EntityState.Added).ToList())
            entry.State = EntityState.Detached;
    }

    private async Task WriteAsync(PropilasDb db, CancellationToken ct)
    {
        var alerts = db.ChangeTracker.Entries<Alert>().Where(ToTell).Select(e => e.Entity).ToList();
        if (alerts.Count == 0) return;
        var now = time.GetUtcNow();
        var day = NotificationSettings.DayInLima(now);
        var districtIds = alerts.Select(a => a.DistrictId).Distinct().ToList();
        var districts = await db.Districts.AsNoTracking().Where(d => districtIds.Contains(d.Id))
            .Select(d => new { d.Id, d.Slug, d.Name }).ToDictionaryAsync(d => d.Id, ct);
        var people = await Recipients.OfAsync(db, districtIds, now, ct);
        var subjects = alerts.Select(SubjectOf).ToHashSet();
        var written = (await db.Set<OutboxMessage>().AsNoTracking()
                .Where(m => m.Day == day && m.Kind == MessageKinds.Alert)
                .Select(m => new { m.UserId, m.Subject }).ToListAsync(ct))
            .Where(m => subjects.Contains(m.Subject)).Select(m => (m.UserId, m.Subject)).ToHashSet();
        written.UnionWith(db.ChangeTracker.Entries<OutboxMessage>().Where(e => e.State == EntityState.Added)
            .Select(e => (e.Entity.UserId, e.Entity.Subject)));

        foreach (var alert in alerts)
        {
            var district = districts[alert.DistrictId];
            var subject = SubjectOf(alert);
            var roles = alert.NotifiedRoles;
            var critical = alert.Severity == "critical";
            var titles = rules.Find(alert.RuleId)?.Title;
            foreach (var person in people.Where(p => roles.Contains(p.Role) && (p.DistrictId == alert.DistrictId || p.Role == Roles.Coordinator)))
            {
                if (!written.Add((person.Id, subject))) continue;
                if (!critical && person.DigestOff.Contains(MessageTexts.TopicOf(alert.RuleId))) continue;
                var en = MessageTexts.IsEnglish(person.Language);
                var ruleTitle = titles is null ? alert.RuleId : en ? titles.En : titles.Es;
                var message = en ? alert.MessageEn : alert.MessageEs;
                var (title, body) = critical
                    ? MessageTexts.Critical(new AlertLine(district.Name, district.Slug.Value, alert.RuleId, ruleTitle, message, alert.Severity,
                        alert.RaisedAt, MessageTexts.LinkFor(settings.BaseUrl, district.Slug.Value, alert.RuleId)), person.Language, person.FullName)
                    : (ruleTitle, message);
                db.Set<OutboxMessage>().Add(new OutboxMessage
                {
                    UserId = person.Id, Kind = MessageKinds.Alert, Subject = subject, Day = day, DistrictId = alert.DistrictId,
                    Severity = alert.Severity, To = person.Email, Language = person.Language, Title = title, Body = body,
                    Status = critical ? OutboxStatus.Pending : OutboxStatus.Queued, CreatedAt = now, NextAttemptAt = critical ? now : null,
                });
            }
        }
    }

    /// <summary>The alert's rule and subject; an escalated alert is a subject of its own, so whoever had the alert queued for
    /// their digest today is told of the escalation too.</summary>
    private static string SubjectOf(Alert alert) => $"{alert.RuleId} {alert.Subject}" + (alert.Escalated ? " escalated" : "");

    /// <summary>A new alert, or one whose escalation is being saved.</summary>
    private static bool ToTell(EntityEntry<Alert> entry) =>
        entry.State == EntityState.Added && entry.Entity.Status == AlertStatus.Open
        || entry.State == EntityState.Modified && entry.Entity.Escalated && entry.Property(a => a.EscalatedAt).IsModified;
}
