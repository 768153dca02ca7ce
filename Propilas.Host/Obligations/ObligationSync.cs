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

    public async Task<DistrictArea> OnChangedAsync(int districtId, CancellationToken ct)
    {
        // Two changes to one district at once may both add the rows of a phase just reached: the second insert breaks
        // the (district, key) index, and running again finds them there.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await SyncAsync(districtId, ct) ? DistrictArea.Obligations : DistrictArea.None;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <returns>Whether any obligation was added or changed.</returns>
    private async Task<bool> SyncAsync(int districtId, CancellationToken ct)
    {
        var slug = await db.Districts.AsNoTracking().Where(d => d.Id == districtId).Select(d => (Districts.DistrictSlug?)d.Slug).FirstOrDefaultAsync(ct);
        if (slug is not { } district) return false;
        var instance = await runtime.FindAsync(settings.DefinitionId, district.Subject, ct);
        if (instance is null) return false;

        var reached = PointOf(instance);
        var planned = planner.Plan(reached, dueDates.For(runtime.DefinitionOf(instance), instance, ObligationPlanner.PhasesReached(reached)));
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
            obligation.Version++;
        }
        if (added.Count == 0 && updated.Count == 0) return false;

        db.AddRange(added);
        if (added.Count > 0)
            db.AuditEvents.Add(Event(district, "obligations.planned", string.Join(",", added.Select(a => a.Phase).Distinct()), now,
                $"{added.Count} obligations for {reached}"));
        if (updated.Count > 0)
            db.AuditEvents.Add(Event(district, "obligations.updated", "obligations", now, string.Join("; ", updated)));
        await db.SaveChangesAsync(ct);
        return true;
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

    private static AuditEvent Event(Districts.DistrictSlug district, string action, string target, DateTimeOffset at, string after) => new()
    {
        Subject = district.Subject.Value, Action = action, Target = target, By = System, Role = System, At = at,
        After = after.Length > 2000 ? after[..2000] : after,
    };
}
