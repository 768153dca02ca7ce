using Microsoft.EntityFrameworkCore;
using Propilas.Host.Alerts;
using Propilas.Host.Common;
using Propilas.Host.Database;
using Propilas.Host.Process;
using Propilas.Rules.Obligations;
using Propilas.Workflows.Runtime;

namespace Propilas.Host.Obligations;

/// <summary>
/// After every change to a district: the matrix rows of the phases its process has reached become its obligations.
/// Idempotent by (district, key): new rows are added, open ones follow their phase's due date when the timeline moves,
/// fulfilled ones are left as they are, and nothing is ever removed.
/// </summary>
public sealed class ObligationSync(
    PropilasDb db, WorkflowRuntime runtime, ProcessSettings settings, ObligationPlanner planner, ObligationDueDates dueDates, TimeProvider time)
    : IDistrictChangeHandler
{
    public const string System = "system";

    /// <summary>Obligations follow the process's phases and due dates, which only its timeline moves.</summary>
    public DistrictArea Watches => DistrictArea.ProcessTimeline;

    public async Task<DistrictArea> OnChangedAsync(DistrictChange change, CancellationToken ct)
    {
        var instance = change.Process;
        if (instance is null)
        {
            var slug = await db.Districts.AsNoTracking().Where(d => d.Id == change.DistrictId).Select(d => (Districts.DistrictSlug?)d.Slug)
                .FirstOrDefaultAsync(ct);
            if (slug is not { } district) return DistrictArea.None;
            instance = await runtime.FindAsync(settings.DefinitionId, district.Subject, ct);
            if (instance is null) return DistrictArea.None;
        }
        // Two changes to one district at once may both add the rows of a phase just reached: the second insert breaks
        // the (district, key) index, and running again finds them there.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await SyncAsync(change.DistrictId, instance, ct) ? DistrictArea.Obligations : DistrictArea.None;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <returns>Whether any obligation was added or changed.</returns>
    private async Task<bool> SyncAsync(int districtId, WorkflowInstance instance, CancellationToken ct)
    {
        var reached = PointOf(instance);
        var planned = planner.Plan(reached, dueDates.For(runtime.DefinitionOf(instance), instance, ObligationPlanner.PhasesReached(reached)));
        var existing = new Dictionary<string, Existing>();
        await foreach (var row in ExistingOf(db, districtId).WithCancellation(ct)) existing[row.Key] = row;
        var now = time.GetUtcNow();

        var added = new List<Obligation>();
        var moved = new List<(Existing Row, PlannedObligation Plan)>();
        foreach (var p in planned)
        {
            if (!existing.TryGetValue(p.Key, out var obligation))
            {
                added.Add(new Obligation
                {
                    DistrictId = districtId, Key = p.Key, Phase = p.Phase, Step = p.Step, Stakeholder = p.Stakeholder, TextEs = p.Text.Es,
                    TextEn = p.Text.En, DueOn = p.DueOn, CreatedAt = now, Version = 1,
                });
                continue;
            }
            if (obligation.Fulfilled) continue;
            if (obligation.DueOn == p.DueOn && obligation.TextEs == p.Text.Es && obligation.TextEn == p.Text.En) continue;
            moved.Add((obligation, p));
        }
        if (added.Count == 0 && moved.Count == 0) return false;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // A phase's open obligations move together to one new due date: one UPDATE per date. Texts change only when the
        // matrix is reworded, one row at a time. A row fulfilled meanwhile is left as it is.
        foreach (var group in moved.GroupBy(m => (m.Plan.DueOn, Reworded: m.Row.TextEs != m.Plan.Text.Es || m.Row.TextEn != m.Plan.Text.En)))
        {
            // The district as well as the ids: SQLite then seeks the (FulfilledOn, DistrictId) index to a handful of rows,
            // where by the ids alone it may pick that index and walk every open obligation of every district.
            var open = db.Set<Obligation>().Where(o => o.FulfilledOn == null && o.DistrictId == districtId);
            var dueOn = group.Key.DueOn;
            if (!group.Key.Reworded)
            {
                var ids = group.Select(m => m.Row.Id).ToList();
                await open.Where(o => ids.Contains(o.Id))
                    .ExecuteUpdateAsync(u => u.SetProperty(o => o.DueOn, dueOn).SetProperty(o => o.Version, o => o.Version + 1), ct);
                continue;
            }
            foreach (var (row, plan) in group)
                await open.Where(o => o.Id == row.Id).ExecuteUpdateAsync(u => u.SetProperty(o => o.DueOn, dueOn)
                    .SetProperty(o => o.TextEs, plan.Text.Es).SetProperty(o => o.TextEn, plan.Text.En).SetProperty(o => o.Version, o => o.Version + 1), ct);
        }
        db.AddRange(added);
        if (added.Count > 0)
            db.AuditEvents.Add(Event(instance, "obligations.planned", string.Join(",", added.Select(a => a.Phase).Distinct()), now,
                $"{added.Count} obligations for {reached}"));
        if (moved.Count > 0)
            db.AuditEvents.Add(Event(instance, "obligations.updated", "obligations", now, string.Join("; ", moved.Select(m =>
                m.Row.DueOn == m.Plan.DueOn ? $"{m.Plan.Key}: text" : $"{m.Plan.Key}: {m.Row.DueOn:yyyy-MM-dd} → {m.Plan.DueOn:yyyy-MM-dd}"))));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    private sealed record Existing(int Id, string Key, DateOnly DueOn, string TextEs, string TextEn, bool Fulfilled);

    // Compiled once: every timeline change reads them.
    private static readonly Func<PropilasDb, int, IAsyncEnumerable<Existing>> ExistingOf = EF.CompileAsyncQuery((PropilasDb db, int districtId) =>
        db.Set<Obligation>().AsNoTracking().Where(o => o.DistrictId == districtId)
            .Select(o => new Existing(o.Id, o.Key, o.DueOn, o.TextEs, o.TextEn, o.FulfilledOn != null)));

    /// <summary>How far the process has come: its active stage, or council approval once it completed.</summary>
    public static ProcessPoint PointOf(WorkflowInstance instance) =>
        instance.Status == InstanceStatus.Completed ? ProcessPoint.CouncilApproved
        : instance.Stages.FirstOrDefault(s => s.Status == StageStatus.Active)?.Id switch
        {
            "design" => ProcessPoint.DesignStage,
            "institutional" => ProcessPoint.InstitutionalStage,
            _ => ProcessPoint.PreparatoryStage,
        };

    private static AuditEvent Event(WorkflowInstance process, string action, string target, DateTimeOffset at, string after) => new()
    {
        Subject = process.Subject.Value, Action = action, Target = target, By = System, Role = System, At = at,
        After = after.Length > 2000 ? after[..2000] : after,
    };
}
