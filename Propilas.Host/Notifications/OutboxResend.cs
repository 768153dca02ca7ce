using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Propilas.Host.Accounts;
using Propilas.Host.Common;
using Propilas.Host.Database;

namespace Propilas.Host.Notifications;

/// <summary>The coordinator sends a failed message again: it is pending once more, its attempts counted from nought, and audited.</summary>
public sealed class OutboxResend(PropilasDb db, TimeProvider time)
{
    /// <returns>False when there is no such message or it has not failed (someone resent it already).</returns>
    public async Task<bool> ResendAsync(long id, ClaimsPrincipal user, CancellationToken ct)
    {
        var message = await db.Set<OutboxMessage>().FirstOrDefaultAsync(m => m.Id == id, ct);
        if (message is not { Status: OutboxStatus.Failed }) return false;
        var now = time.GetUtcNow();
        var actor = user.ToActor();
        message.Status = OutboxStatus.Pending;
        message.Attempts = 0;
        message.NextAttemptAt = now;
        db.AuditEvents.Add(new AuditEvent
        {
            Subject = $"outbox:{message.Id}", Action = "outbox.resent", Target = $"{message.Kind} {message.Subject}", By = actor.UserName,
            Role = actor.Roles.FirstOrDefault() ?? "", At = now, Before = nameof(OutboxStatus.Failed), After = nameof(OutboxStatus.Pending),
            Reason = message.LastError,
        });
        await db.SaveChangesAsync(ct);
        return true;
    }
}
