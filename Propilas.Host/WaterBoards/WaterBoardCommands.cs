using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Propilas.Host.Alerts;
using Propilas.Host.Common;
using Propilas.Host.Database;
using Propilas.Host.Districts;
using Propilas.Workflows;

namespace Propilas.Host.WaterBoards;

/// <summary>
/// Adds and updates water boards and records visits: validated, audited in the same transaction, guarded by the board's
/// version, and followed by the district's re-evaluation so the answer already shows the alerts. Used by the API and the pages.
/// </summary>
public sealed class WaterBoardCommands(PropilasDb db, DistrictChanges changes, TimeProvider time)
{
    public const int MaxFindings = Bounds.Text;

    public async Task<Outcome<int>> AddAsync(DistrictRef district, ClaimsPrincipal user, WaterBoardChanges request, CancellationToken ct)
    {
        if (!user.CanEditWaterBoards(district.Slug)) return Failure.Forbidden($"You may not add water boards to district '{district.Slug}'.");
        var errors = request.Validate(Today(), isNew: true);
        if (errors.Count > 0) return Failure.Invalid(errors, "The water board could not be added.");

        var now = time.GetUtcNow();
        var board = new WaterBoard { DistrictId = district.Id, Name = "", Locality = "", WaterSystem = "", CreatedAt = now, UpdatedAt = now, Version = 1 };
        var (_, after) = request.ApplyTo(board);
        await using (var transaction = await db.Database.BeginWriteAsync(ct))
        {
            db.Add(board);
            await db.SaveChangesAsync(ct); // the id names the board in the audit event
            db.AuditEvents.Add(Audit(district, user, "water-board.added", board.Id, now, null, after));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        await changes.AfterChangeAsync(district.Id, DistrictArea.WaterBoards, ct);
        return board.Id;
    }

    public async Task<Outcome<int>> UpdateAsync(DistrictRef district, int id, ClaimsPrincipal user, WaterBoardChanges request, int? expectedVersion,
        CancellationToken ct)
    {
        var board = await db.Set<WaterBoard>().FirstOrDefaultAsync(b => b.Id == id && b.DistrictId == district.Id, ct);
        if (board is null) return Failure.NotFound($"No water board {id} in district '{district.Slug}'.");
        if (!user.CanEditWaterBoards(district.Slug)) return Failure.Forbidden($"You may not change the water boards of district '{district.Slug}'.");
        if (Stale(board, expectedVersion) is { } stale) return stale;
        var errors = request.Validate(Today(), isNew: false);
        if (errors.Count > 0) return Failure.Invalid(errors, "The water board could not be updated.");

        var (before, after) = request.ApplyTo(board);
        if (after.Count == 0) return board.Id;
        var now = time.GetUtcNow();
        board.Version++;
        board.UpdatedAt = now;
        db.AuditEvents.Add(Audit(district, user, "water-board.updated", board.Id, now, before, after));
        if (!await TrySaveAsync(ct)) return StaleAfterRace(board.Id);
        await changes.AfterChangeAsync(district.Id, DistrictArea.WaterBoards, ct);
        return board.Id;
    }

    public async Task<Outcome<long>> RecordVisitAsync(DistrictRef district, int id, ClaimsPrincipal user, NewVisit request, CancellationToken ct)
    {
        var board = await db.Set<WaterBoard>().FirstOrDefaultAsync(b => b.Id == id && b.DistrictId == district.Id, ct);
        if (board is null) return Failure.NotFound($"No water board {id} in district '{district.Slug}'.");
        if (!user.CanEditWaterBoards(district.Slug)) return Failure.Forbidden($"You may not record visits in district '{district.Slug}'.");
        if (request.ExpectedVersion is { } expected && expected != board.Version)
            return Failure.Stale($"Water board {id} is at version {board.Version}, not {expected}: someone else changed it. Reload and try again.");

        var today = Today();
        var checks = new Checks();
        foreach (var (field, messages) in request.Observed?.Validate(today, isNew: false, prefix: "observed.") ?? [])
            foreach (var message in messages) checks.Add(field, message);
        if (request.VisitedOn > today) checks.Add("visitedOn", "must not be in the future");
        checks.Text("findings", request.Findings, MaxFindings, multiLine: true);
        checks.Text("visitedBy", request.VisitedBy, Bounds.Title, required: false);
        if (!checks.Ok) return Failure.Invalid(checks.Errors, "The visit could not be recorded.");

        var now = time.GetUtcNow();
        var userName = user.Identity?.Name ?? "unknown";
        var (before, after) = request.Observed?.ApplyTo(board) ?? (new JsonObject(), new JsonObject());
        var visit = new WaterBoardVisit
        {
            WaterBoardId = board.Id, DistrictId = district.Id, VisitedOn = request.VisitedOn ?? today,
            VisitedBy = string.IsNullOrWhiteSpace(request.VisitedBy) ? userName : request.VisitedBy.Trim(), Findings = request.Findings!.Trim(),
            FactsObserved = after.Count > 0 ? after.ToJsonString() : null, RecordedBy = userName, RecordedRole = user.EditorRole(), RecordedAt = now,
        };
        db.Add(visit);
        // The board's last visit changed even when no fact did: forms opened before this visit are stale.
        board.Version++;
        board.UpdatedAt = now;
        var audit = Audit(district, user, "water-board.visit-recorded", board.Id, now, before.Count > 0 ? before : null, after.Count > 0 ? after : null);
        audit.Evidence = new JsonObject
        {
            ["visitedOn"] = visit.VisitedOn.ToString("yyyy-MM-dd"), ["visitedBy"] = visit.VisitedBy, ["findings"] = visit.Findings,
        }.ToJsonString();
        db.AuditEvents.Add(audit);
        if (!await TrySaveAsync(ct)) return Failure.Stale($"Water board {id} was changed by someone else; reload and try again.");
        await changes.AfterChangeAsync(district.Id, DistrictArea.WaterBoards, ct);
        return visit.Id;
    }

    private DateOnly Today() => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    private static Failure? Stale(WaterBoard board, int? expectedVersion) =>
        expectedVersion is { } expected && expected != board.Version
            ? Failure.Stale($"Water board {board.Id} is at version {board.Version}, not {expected}: someone else changed it. Reload and try again.")
            : null;

    private static Outcome<int> StaleAfterRace(int id) => Failure.Stale($"Water board {id} was changed by someone else; reload and try again.");

    private async Task<bool> TrySaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    private static AuditEvent Audit(DistrictRef district, ClaimsPrincipal user, string action, int boardId, DateTimeOffset at, JsonObject? before,
        JsonObject? after) => new()
    {
        Subject = district.Slug.Subject.Value, Action = action, Target = $"water-board:{boardId}", By = user.Identity?.Name ?? "unknown",
        Role = user.EditorRole(), At = at, Before = before?.ToJsonString(), After = after?.ToJsonString(),
    };
}
