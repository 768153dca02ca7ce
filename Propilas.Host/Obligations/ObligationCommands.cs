using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Propilas.Host.Alerts;
using Propilas.Host.Common;
using Propilas.Host.Database;
using Propilas.Host.Districts;
using Propilas.Workflows;

namespace Propilas.Host.Obligations;

public sealed class ObligationCommands(PropilasDb db, DistrictChanges changes, TimeProvider time)
{
    public const int MaxEvidence = Bounds.Text;

    /// <summary>Records an obligation fulfilled, with its evidence; audited, version-guarded, then the district is re-evaluated.</summary>
    public async Task<Outcome<int>> FulfilAsync(DistrictRef district, int id, ClaimsPrincipal user, FulfilRequest request, CancellationToken ct)
    {
        var obligation = await db.Set<Obligation>().FirstOrDefaultAsync(o => o.Id == id && o.DistrictId == district.Id, ct);
        if (obligation is null) return Failure.NotFound($"No obligation {id} in district '{district.Slug}'.");
        if (!user.CanFulfil(district.Slug, obligation.Stakeholder))
            return Failure.Forbidden($"You may not record obligation {id} of district '{district.Slug}' as fulfilled.");
        if (request.ExpectedVersion is { } expected && expected != obligation.Version)
            return Failure.Stale($"Obligation {id} is at version {obligation.Version}, not {expected}: someone else changed it. Reload and try again.");
        if (obligation.Fulfilled)
            return Failure.Conflict($"Obligation {id} was already recorded as fulfilled on {obligation.FulfilledOn:yyyy-MM-dd}.", "already-fulfilled");

        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var checks = new Checks();
        checks.Text("evidence", request.Evidence, MaxEvidence, multiLine: true);
        if (request.FulfilledOn > today) checks.Add("fulfilledOn", "must not be in the future");
        if (!checks.Ok) return Failure.Invalid(checks.Errors, "The obligation could not be recorded as fulfilled.");

        var userName = user.Identity?.Name ?? "unknown";
        obligation.FulfilledOn = request.FulfilledOn ?? today;
        obligation.FulfilledBy = userName;
        obligation.FulfilledRole = user.FulfillingRole();
        obligation.Evidence = request.Evidence!.Trim();
        obligation.FulfilledAt = now;
        obligation.Version++;
        db.AuditEvents.Add(new AuditEvent
        {
            Subject = district.Slug.Subject.Value, Action = "obligation.fulfilled", Target = $"obligation:{id} {obligation.Key}", By = userName,
            Role = obligation.FulfilledRole, At = now, Before = "open", After = "fulfilled",
            Evidence = new JsonObject { ["evidence"] = obligation.Evidence, ["fulfilledOn"] = obligation.FulfilledOn.Value.ToString("yyyy-MM-dd") }.ToJsonString(),
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Failure.Stale($"Obligation {id} was changed by someone else; reload and try again.");
        }
        await changes.AfterChangeAsync(district.Id, DistrictArea.Obligations, ct);
        return id;
    }
}
