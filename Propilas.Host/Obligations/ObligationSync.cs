using Microsoft.EntityFrameworkCore;
using Propilas.Host.Alerts;
using Propilas.Host.Common;
using Propilas.Host.Database;
using Propilas.Host.Districts;
using Propilas.Host.Process;
using Propilas.Rules.Obligations;
using Propilas.Workflows.Runtime;

namespace Propilas.Host.Obligations;

/// <summary>
/// With every write of a district's planning process that moves its timeline (it starts, a stage starts or closes, it
/// completes), the matrix rows of the phases it has reached become its obligations, in the same transaction as the write:
/// new rows are added, open ones follow their phase's due date, fulfilled ones are left as they are, nothing is removed.
/// </summary>
public sealed class ObligationSync(
    PropilasDb db, CatalogHolder catalog, ProcessSettings settings, ObligationPlanner planner, ObligationDueDates dueDates,
    TimeProvider time) : IWorkflowWriteListener
{
    public const string System = "system";

    public async Task<InTransaction?> OnWritingAsync(WorkflowInstance? before, WorkflowInstance instance, AuditEvent audit, CancellationToken ct)
    {
        if (instance.DefinitionId != settings.DefinitionId) return null;
        if (before is not null && ProcessChange.Between(before, instance) != DistrictArea.ProcessTimeline) return null;
        if (!DistrictSlug.TryOfSubject(instance.Subject, out var slug)) return null;
        return await db.FindDistrictAsync(slug, ct) is { } district ? await PlanAsync(district.Id, instance, ct) : null;
    }

    /// <summary>
    /// Adds to the context (unsaved) the obligations the process's phases newly call for; the caller saves, then runs what
    /// this returns in the same transaction: the changes to open obligations (new due dates, new texts).
    /// </summary>
    public async Task<InTransaction?> PlanAsync(int districtId, WorkflowInstance instance, CancellationToken ct)
    {
        var reached = PointOf(instance);
        var planned = planner.Plan(reached, dueDates.For(catalog.Catalog.Get(instance.DefinitionId, instance.DefinitionVersion), instance, ObligationPlanner.PhasesReached(reached)));
        var existing = new Dictionary<string, Stored>();
        await foreach (var o in StoredOf(db, districtId).WithCancellation(ct)) existing[o.Key] = o;
        var now = time.GetUtcNow();

        var added = new List<Obligation>();
        var updated = new List<string>();
        var changes = new Changes(districtId);
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
            if (obligation.FulfilledOn is not null) continue;
            var sameText = obligation.TextEs == p.Text.Es && obligation.TextEn == p.Text.En;
            if (obligation.DueOn == p.DueOn && sameText) continue;
            updated.Add(obligation.DueOn == p.DueOn ? $"{p.Key}: text" : $"{p.Key}: {obligation.DueOn:yyyy-MM-dd} → {p.DueOn:yyyy-MM-dd}");
            if (sameText) changes.Move(p.Phase, p.DueOn);
            else changes.Rewrite(obligation, p);
        }

        db.AddRange(added);
        if (added.Count > 0)
            db.AuditEvents.Add(Event(instance, "obligations.planned", string.Join(",", added.Select(a => a.Phase).Distinct()), now,
                $"{added.Count} obligations for {reached}"));
        if (updated.Count > 0)
            db.AuditEvents.Add(Event(instance, "obligations.updated", "obligations", now, string.Join("; ", updated)));
        return changes.IsEmpty ? null : transactionCt => changes.WriteAsync(db, transactionCt);
    }

    private sealed record Stored(int Id, string Key, DateOnly DueOn, DateOnly? FulfilledOn, string TextEs, string TextEn, int Version);

    // Compiled once, without tracking: every gate reads the district's obligations, and writes the few that change itself.
    private static readonly Func<PropilasDb, int, IAsyncEnumerable<Stored>> StoredOf = EF.CompileAsyncQuery((PropilasDb db, int districtId) =>
        db.Set<Obligation>().AsNoTracking().Where(o => o.DistrictId == districtId)
            .Select(o => new Stored(o.Id, o.Key, o.DueOn, o.FulfilledOn, o.TextEs, o.TextEn, o.Version)));

    /// <summary>
    /// What happens to a district's open obligations, as bulk updates (<c>ExecuteUpdate</c>): each obligation whose text changed (the
    /// matrix was edited) is rewritten at the version read, then each phase's remaining open obligations move to the phase's
    /// due date in one UPDATE, instead of one per row. Either statement finding fewer rows than read means one was
    /// fulfilled meanwhile: a conflict.
    /// </summary>
    private sealed class Changes(int districtId)
    {
        // A phase has one due date (ObligationDueDates gives one per phase).
        private readonly Dictionary<ObligationPhase, (DateOnly DueOn, int Count)> _moves = [];
        private readonly List<(Stored Row, PlannedObligation Plan)> _rewrites = [];

        public bool IsEmpty => _moves.Count == 0 && _rewrites.Count == 0;

        public void Move(ObligationPhase phase, DateOnly dueOn) =>
            _moves[phase] = (dueOn, _moves.TryGetValue(phase, out var move) ? move.Count + 1 : 1);

        public void Rewrite(Stored row, PlannedObligation plan) => _rewrites.Add((row, plan));

        public async Task WriteAsync(PropilasDb db, CancellationToken ct)
        {
            foreach (var (row, plan) in _rewrites)
                Expect(1, await db.Set<Obligation>().Where(o => o.Id == row.Id && o.Version == row.Version && o.FulfilledOn == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(o => o.TextEs, plan.Text.Es).SetProperty(o => o.TextEn, plan.Text.En)
                        .SetProperty(o => o.DueOn, plan.DueOn).SetProperty(o => o.Version, o => o.Version + 1), ct), plan.Key);
            foreach (var (phase, (dueOn, count)) in _moves)
                Expect(count, await db.Set<Obligation>().Where(o => o.DistrictId == districtId && o.FulfilledOn == null && o.Phase == phase && o.DueOn != dueOn)
                    .ExecuteUpdateAsync(s => s.SetProperty(o => o.DueOn, dueOn).SetProperty(o => o.Version, o => o.Version + 1), ct), $"{phase} obligations");
        }

        private static void Expect(int count, int written, string what)
        {
            if (written != count)
                throw new DbUpdateConcurrencyException($"{what}: {count} to change, {written} still open as read; one was fulfilled meanwhile.");
        }
    }

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
