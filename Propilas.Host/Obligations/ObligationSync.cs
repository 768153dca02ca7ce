using Microsoft.EntityFrameworkCore;
using Propilas.Host.Alerts;
using Propilas.Host.Common;
using Propilas.Host.Database;
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
    PropilasDb db, CatalogHolder catalog, ProcessSettings settings, ObligationPlanner planner, ObligationDueDates dueDates, TimeProvider time)
    : IWorkflowWriteListener
{
    public const string System = "system";

    public async Task OnWritingAsync(WorkflowInstance? before, WorkflowInstance instance, AuditEvent audit, CancellationToken ct)
    {
        if (instance.DefinitionId != settings.DefinitionId) return;
        if (before is not null && ProcessChange.Between(before, instance) != DistrictArea.ProcessTimeline) return;
        if (!Districts.DistrictSlug.TryOfSubject(instance.Subject, out var slug)) return;
        // Not from KnownDistricts: at registration the district is not committed yet, and a rolled-back id must not be remembered.
        var districtId = await db.Districts.AsNoTracking().Where(d => d.Slug == slug).Select(d => (int?)d.Id).FirstOrDefaultAsync(ct);
        if (districtId is { } id) await PlanAsync(id, instance, ct);
    }

    /// <summary>Adds to the context (unsaved) what the process's phases call for; the caller saves.</summary>
    public async Task PlanAsync(int districtId, WorkflowInstance instance, CancellationToken ct)
    {
        var reached = PointOf(instance);
        var planned = planner.Plan(reached, dueDates.For(catalog.Catalog.Get(instance.DefinitionId, instance.DefinitionVersion), instance, ObligationPlanner.PhasesReached(reached)));
        var existing = await db.Set<Obligation>().Where(o => o.DistrictId == districtId).ToDictionaryAsync(o => o.Key, ct);
        var now = time.GetUtcNow();

        var added = new List<Obligation>();
        var updated = new List<string>();
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
            updated.Add(obligation.DueOn == p.DueOn ? $"{p.Key}: text" : $"{p.Key}: {obligation.DueOn:yyyy-MM-dd} → {p.DueOn:yyyy-MM-dd}");
            obligation.DueOn = p.DueOn;
            obligation.TextEs = p.Text.Es;
            obligation.TextEn = p.Text.En;
            obligation.Version++; // its concurrency token: one fulfilled meanwhile fails the write with a conflict
        }

        db.AddRange(added);
        if (added.Count > 0)
            db.AuditEvents.Add(Event(instance, "obligations.planned", string.Join(",", added.Select(a => a.Phase).Distinct()), now,
                $"{added.Count} obligations for {reached}"));
        if (updated.Count > 0)
            db.AuditEvents.Add(Event(instance, "obligations.updated", "obligations", now, string.Join("; ", updated)));
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
