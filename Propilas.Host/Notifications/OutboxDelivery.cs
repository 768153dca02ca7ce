using Hangfire;
using Microsoft.EntityFrameworkCore;
using Propilas.Host.Database;

namespace Propilas.Host.Notifications;

/// <summary>
/// Sends the pending messages whose time has come. Each is first claimed (its attempt counted and its next attempt moved
/// past the send) by a conditional update, so a doubled or overlapping run sends it once; a send that fails leaves it
/// pending with the error and backs off (1, 2, 4 ... minutes, at most 6 hours) until <see cref="MaxAttempts"/>, then it
/// is failed and waits for the coordinator. A message whose account was disabled or address emptied is skipped.
/// </summary>
public sealed class OutboxDelivery(PropilasDb db, IMessageChannel channel, TimeProvider time, ILogger<OutboxDelivery> log)
{
    public const string RecurringId = "notifications.deliver";
    public const int MaxAttempts = 10;
    private const int Batch = 200;

    /// <summary>How long a claimed message stays claimed: a run that died mid-send lets the next one retry it after this.</summary>
    private static readonly TimeSpan Claim = TimeSpan.FromMinutes(10);

    public static TimeSpan BackOff(int attempts) => TimeSpan.FromMinutes(Math.Min(360, Math.Pow(2, Math.Max(0, attempts - 1))));

    [AutomaticRetry(Attempts = 0)] // the outbox keeps its own attempts
    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    public async Task RunAsync(CancellationToken ct)
    {
        var (sent, failed) = await DeliverDueAsync(ct);
        if (sent + failed > 0) log.LogInformation("Outbox: {Sent} sent, {Failed} not sent this time.", sent, failed);
    }

    public async Task<(int Sent, int NotSent)> DeliverDueAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var due = await db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now)
            .OrderBy(m => m.NextAttemptAt).Take(Batch).ToListAsync(ct);
        int sent = 0, notSent = 0;
        foreach (var message in due)
        {
            if (!await ClaimAsync(message, now, ct)) continue;
            if (await WhyNotAsync(message, now, ct) is { } reason)
            {
                await SetAsync(message.Id, OutboxStatus.Skipped, reason, null, null, ct);
                continue;
            }
            try
            {
                await channel.SendAsync(message, ct);
                await SetAsync(message.Id, OutboxStatus.Sent, null, null, time.GetUtcNow(), ct);
                sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                var attempts = message.Attempts + 1;
                var error = $"{e.GetType().Name}: {e.Message}";
                if (error.Length > 1000) error = error[..1000];
                log.LogWarning("Outbox message {Id} to {To} not sent (attempt {Attempt}): {Error}", message.Id, message.To, attempts, error);
                var gaveUp = attempts >= MaxAttempts;
                await SetAsync(message.Id, gaveUp ? OutboxStatus.Failed : OutboxStatus.Pending, error,
                    gaveUp ? null : time.GetUtcNow() + BackOff(attempts), null, ct);
                notSent++;
            }
        }
        return (sent, notSent);
    }

    private async Task<bool> ClaimAsync(OutboxMessage message, DateTimeOffset now, CancellationToken ct)
    {
        var attempts = message.Attempts;
        var until = now + Claim;
        var claimed = await db.Database.WriteAsync(() => db.Set<OutboxMessage>()
            .Where(m => m.Id == message.Id && m.Status == OutboxStatus.Pending && m.Attempts == attempts)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Attempts, attempts + 1).SetProperty(m => m.NextAttemptAt, until), ct), ct);
        return claimed == 1;
    }

    private async Task<string?> WhyNotAsync(OutboxMessage message, DateTimeOffset now, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == message.UserId)
            .Select(u => new { u.Email, u.LockoutEnabled, u.LockoutEnd }).FirstOrDefaultAsync(ct);
        if (user is null) return "The account no longer exists.";
        if (Recipients.IsLockedOut(user.LockoutEnabled, user.LockoutEnd, now)) return "The account is disabled.";
        if (string.IsNullOrWhiteSpace(message.To)) return "No e-mail address.";
        return null;
    }

    private Task SetAsync(long id, OutboxStatus status, string? error, DateTimeOffset? next, DateTimeOffset? sentAt, CancellationToken ct) =>
        db.Database.WriteAsync(() => db.Set<OutboxMessage>().Where(m => m.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, status).SetProperty(m => m.LastError, error)
            .SetProperty(m => m.NextAttemptAt, next).SetProperty(m => m.SentAt, sentAt), ct), ct);
}
