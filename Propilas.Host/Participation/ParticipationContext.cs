using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Propilas.Host.Accounts;
using Propilas.Host.Alerts;
using Propilas.Host.Common;
using Propilas.Host.Database;
using Propilas.Host.Districts;

namespace Propilas.Host.Participation;

/// <summary>
/// What every participation record shares: finding the district and checking the caller (404 unknown, 403 another district,
/// 403 a write by anyone but the district's alderman or the coordinator), the audit event, and saving then re-evaluating
/// the district's alerts before the answer.
/// </summary>
public sealed class ParticipationContext(PropilasDb db, DistrictChanges changes, TimeProvider time)
{
    public PropilasDb Db => db;

    public DateTimeOffset Now => time.GetUtcNow();

    public DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);

    /// <summary>Who records invitations, commitments, the committee and the plan: the alderman (the mayor's delegate) and the coordinator.</summary>
    public static bool MayWrite(ClaimsPrincipal user) => user.IsCoordinator() || user.IsInRole(Roles.Alderman);

    public async Task<Outcome<DistrictRef>> OpenAsync(ClaimsPrincipal user, string slug, bool write, string what, CancellationToken ct)
    {
        var district = await db.FindDistrictAsync(slug, ct);
        if (district is null) return Failure.NotFound($"No district '{slug}'.");
        if (!user.CanAccess(district.Slug)) return Failure.Forbidden($"You may not {(write ? "change" : "see")} the {what} of district '{slug}'.");
        if (write && !MayWrite(user)) return Failure.Forbidden($"Only the district's alderman or the coordinator records the {what}.");
        return district;
    }

    public void Audit(DistrictRef district, ClaimsPrincipal user, string action, string target, string? before, string? after, object? evidence = null)
    {
        var actor = user.ToActor();
        db.AuditEvents.Add(new AuditEvent
        {
            Subject = district.Slug.Subject.Value, Action = action, Target = target, By = actor.UserName,
            Role = actor.Roles.FirstOrDefault() ?? "", At = Now, Before = before, After = after,
            Evidence = evidence is null ? null : JsonSerializer.Serialize(evidence, JsonSerializerOptions.Web),
        });
    }

    /// <summary>Saves the change and its audit event in one transaction, then re-evaluates the district. Null when it went through.</summary>
    public async Task<Failure?> SaveAsync(DistrictRef district, string what, DistrictArea area, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Failure.Stale(what, 0, null);
        }
        await changes.AfterChangeAsync(district.Id, area, ct);
        return null;
    }

    /// <summary>The expected version, when given, must be the record's.</summary>
    public static Failure? CheckVersion(string what, int current, int? expected) =>
        expected is { } e && e != current ? Failure.Stale(what, current, e) : null;
}
