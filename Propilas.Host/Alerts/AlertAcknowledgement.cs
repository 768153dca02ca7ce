using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Propilas.Host.Accounts;
using Propilas.Host.Common;
using Propilas.Host.Database;
using Propilas.Host.Districts;

namespace Propilas.Host.Alerts;

public enum AcknowledgementOutcome { Acknowledged, NotFound, Forbidden, Stale, NotOpen }

/// <summary>What became of one alert a person asked to acknowledge; <see cref="Alert"/> is set when it was found.</summary>
public sealed record Acknowledgement(long Id, AcknowledgementOutcome Outcome, string Detail, Alert? Alert = null, DistrictSlug? District = null)
{
    public bool Succeeded => Outcome == AcknowledgementOutcome.Acknowledged;
}

/// <summary>
/// A person acknowledges alerts (the API one at a time, the inbox several at once): only on a district they may see, only
/// an open alert, only when it notifies one of their roles (the coordinator may acknowledge any). The alerts allowed are
/// acknowledged together in one transaction, each with its audit event; the others say why not.
/// </summary>
public sealed class AlertAcknowledgement(PropilasDb db, TimeProvider time)
{
    public async Task<Acknowledgement> AcknowledgeAsync(long id, ClaimsPrincipal user, int? expectedVersion, CancellationToken ct) =>
        (await AcknowledgeAsync([(id, expectedVersion)], user, ct))[0];

    /// <param name="requests">Alert ids, each with the version the person read (null: whatever it is now).</param>
    public async Task<IReadOnlyList<Acknowledgement>> AcknowledgeAsync(IReadOnlyList<(long Id, int? ExpectedVersion)> requests, ClaimsPrincipal user,
        CancellationToken ct)
    {
        var ids = requests.Select(r => r.Id).Distinct().ToList();
        var rows = await (from a in db.Alerts join d in db.Districts on a.DistrictId equals d.Id where ids.Contains(a.Id) select new { a, d.Slug })
            .ToDictionaryAsync(x => x.a.Id, ct);
        var actor = user.ToActor();
        var now = time.GetUtcNow();
        var results = new List<Acknowledgement>();
        foreach (var (id, expected) in requests.DistinctBy(r => r.Id))
        {
            // Another district's alert answers as a missing one, so alert ids cannot be walked to learn which exist.
            if (!rows.TryGetValue(id, out var row) || !user.CanAccess(row.Slug))
            {
                results.Add(new(id, AcknowledgementOutcome.NotFound, $"No alert {id}."));
                continue;
            }
            var (alert, slug) = (row.a, row.Slug);
            var refused = !user.IsCoordinator() && !alert.NotifiedRoles.Any(actor.Roles.Contains) ? (AcknowledgementOutcome.Forbidden, $"Alert {id} is addressed to {alert.Notifies}.")
                : expected is { } v && v != alert.Version ? (AcknowledgementOutcome.Stale, $"Alert {id} changed since you read it (version {alert.Version}, not {v}).")
                : alert.Status != AlertStatus.Open ? (AcknowledgementOutcome.NotOpen, $"Alert {id} is {alert.Status.ToString().ToLowerInvariant()}, not open.")
                : ((AcknowledgementOutcome, string)?)null;
            if (refused is { } r)
            {
                results.Add(new(id, r.Item1, r.Item2, alert, slug));
                continue;
            }
            alert.Status = AlertStatus.Acknowledged;
            alert.AcknowledgedAt = now;
            alert.AcknowledgedBy = actor.UserName;
            alert.Version++;
            db.AuditEvents.Add(new AuditEvent
            {
                Subject = slug.Subject.Value, Action = "alert.acknowledged", Target = $"{alert.RuleId} {alert.Subject}", By = actor.UserName,
                Role = actor.Roles.FirstOrDefault() ?? "", At = now, Before = "Open", After = "Acknowledged",
            });
            results.Add(new(id, AcknowledgementOutcome.Acknowledged, $"Alert {id} acknowledged.", alert, slug));
        }
        if (!results.Any(r => r.Succeeded)) return results;
        try
        {
            await db.SaveChangesAsync(ct); // takes its turn on the writer queue
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone else (often the alert pass) changed one of them: none is acknowledged, so the person can reload and retry.
            db.ChangeTracker.Clear();
            return [.. results.Select(r => r.Succeeded
                ? r with { Outcome = AcknowledgementOutcome.Stale, Detail = $"Alert {r.Id} was changed by someone else; reload and try again.", Alert = null }
                : r)];
        }
        return results;
    }
}
