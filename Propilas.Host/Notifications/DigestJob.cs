using Hangfire;
using Microsoft.EntityFrameworkCore;
using Propilas.Host.Database;

namespace Propilas.Host.Notifications;

/// <summary>
/// Once a day at <c>Notifications:DigestHour</c> in Lima: for each person with alerts queued for them, one digest of those
/// alerts, grouped by district and severity, written with the alerts marked as sent in it (one transaction and two statements per person).
/// A person with nothing queued gets nothing; a second run the same day finds the day's digest written and adds none
/// (what was queued since waits for the next day's).
/// </summary>
public sealed class DigestJob(PropilasDb db, NotificationSettings settings, TimeProvider time, ILogger<DigestJob> log)
{
    public const string RecurringId = "notifications.digest";

    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task RunAsync(CancellationToken ct)
    {
        var written = await WriteDigestsAsync(ct);
        log.LogInformation("Daily digest: {Count} written.", written);
    }

    public async Task<int> WriteDigestsAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var day = NotificationSettings.DayInLima(now);
        var people = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.Status == OutboxStatus.Queued)
            .Select(m => m.UserId).Distinct().ToListAsync(ct);
        var haveOne = (await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.Kind == MessageKinds.Digest && m.Day == day)
            .Select(m => m.UserId).ToListAsync(ct)).ToHashSet();
        var districts = await db.Districts.AsNoTracking().Select(d => new { d.Id, d.Slug, d.Name }).ToDictionaryAsync(d => d.Id, ct);
        var persons = await db.Users.AsNoTracking().Select(u => new { u.Id, u.Email, u.Language, u.FullName }).ToDictionaryAsync(u => u.Id, ct);
        var written = 0;
        foreach (var userId in people.Where(p => !haveOne.Contains(p)))
        {
            var person = persons[userId];
            written += await db.Database.WriteAsync(async () =>
            {
                // Only alerts are queued; naming the kind lets the person's index (user, kind, ...) find them, not the status index.
                var items = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.UserId == userId && m.Kind == MessageKinds.Alert && m.Status == OutboxStatus.Queued)
                    .Select(m => new { m.Id, m.DistrictId, m.Subject, m.Title, m.Body, m.Severity, m.CreatedAt }).ToListAsync(ct);
                if (items.Count == 0) return 0;
                var lines = items.Select(i =>
                {
                    var district = districts[i.DistrictId!.Value];
                    var ruleId = i.Subject.Split(' ')[0]; // subjects are "<rule> <subject>[ escalated]"
                    return new AlertLine(district.Name, district.Slug.Value, ruleId, i.Title, i.Body, i.Severity, i.CreatedAt,
                        MessageTexts.LinkFor(settings.BaseUrl, district.Slug.Value, ruleId));
                }).ToList();
                var language = person.Language;
                var (title, body) = MessageTexts.Digest(lines, language, person.FullName, day);
                var digest = new OutboxMessage
                {
                    UserId = userId, Kind = MessageKinds.Digest, Subject = MessageKinds.Digest, Day = day, Severity = Worst(lines.Select(l => l.Severity)),
                    To = person.Email ?? "", Language = language, Title = title, Body = body, Status = OutboxStatus.Pending, CreatedAt = now,
                    NextAttemptAt = now,
                };
                db.Set<OutboxMessage>().Add(digest);
                await db.SaveChangesAsync(ct);
                // The messages read above and no later one: one queued meanwhile waits for the next digest.
                var last = items.Max(i => i.Id);
                await db.Set<OutboxMessage>().Where(m => m.UserId == userId && m.Kind == MessageKinds.Alert && m.Status == OutboxStatus.Queued && m.Id <= last)
                    .ExecuteUpdateAsync(u => u.SetProperty(m => m.Status, OutboxStatus.InDigest).SetProperty(m => m.DigestId, digest.Id), ct);
                return 1;
            }, ct);
            db.ChangeTracker.Clear();
        }
        return written;
    }

    private static string Worst(IEnumerable<string> severities) =>
        severities.Aggregate("info", (worst, s) => s == "critical" || worst == "critical" ? "critical" : s == "warning" ? "warning" : worst);

    /// <summary>Daily at the digest hour, Lima time.</summary>
    public static void Schedule(IRecurringJobManager jobs, NotificationSettings settings) =>
        jobs.AddOrUpdate<DigestJob>(RecurringId, job => job.RunAsync(CancellationToken.None), $"0 {settings.DigestHour} * * *",
            new RecurringJobOptions { TimeZone = NotificationSettings.Lima });
}
