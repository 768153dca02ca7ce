using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Propilas.Host.Alerts;
using Propilas.Host.Database;
using Propilas.Host.Districts;
using Propilas.Host.Process;
using Propilas.Workflows;
using Propilas.Workflows.Runtime;

namespace Propilas.Host.Pages.Portfolio;

/// <summary>The coordinator's view of every district at once.</summary>
public sealed class IndexModel(PropilasDb db, CatalogHolder catalog, ProcessSettings settings) : PageModel
{
    public sealed record Row(
        District District, string ProcessStatus, LocalizedText? ActiveStage, int StepsDone, int StepsTotal, DateTimeOffset? GateWaitingSince,
        int Critical, int Warning, int Info, int OverdueObligations, int OverdueCommitments);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var districts = await db.Districts.AsNoTracking().OrderBy(d => d.Name).ToListAsync(ct);
        var instances = (await db.WorkflowInstances.AsNoTracking().Where(i => i.DefinitionId == settings.DefinitionId.Value).ToListAsync(ct))
            .ToDictionary(i => i.Subject, InstanceMapping.FromRecord);
        var alerts = await db.Alerts.AsNoTracking().Where(a => a.Status != AlertStatus.Resolved)
            .GroupBy(a => new { a.DistrictId, a.Severity, a.RuleId })
            .Select(g => new { g.Key.DistrictId, g.Key.Severity, g.Key.RuleId, Count = g.Count() }).ToListAsync(ct);
        var byDistrict = alerts.ToLookup(a => a.DistrictId);

        Rows = districts.Select(d =>
        {
            var counts = byDistrict[d.Id].ToList();
            int Of(Func<string, bool> severity) => counts.Where(c => severity(c.Severity)).Sum(c => c.Count);
            int OfRule(string rule) => counts.Where(c => c.RuleId == rule).Sum(c => c.Count);
            var instance = instances.GetValueOrDefault(d.Slug.Subject.Value);
            if (instance is null) return new Row(d, "not-started", null, 0, 0, null, 0, 0, 0, 0, 0);
            var definition = catalog.Catalog.Get(instance.DefinitionId, instance.DefinitionVersion);
            var steps = instance.Stages.SelectMany(s => s.Steps).ToList();
            var active = definition.Stages.FirstOrDefault(s => instance.Stage(s.Id).Status == StageStatus.Active);
            return new Row(d, instance.Status == InstanceStatus.Completed ? "follow-up" : "planning", active?.Name,
                steps.Count(s => s.Status.IsComplete()), steps.Count,
                active is null ? null : GateWaitingSince(active, instance),
                Of(s => s == "critical"), Of(s => s == "warning"), Of(s => s == "info"), OfRule("obligation.overdue"), OfRule("commitment.overdue"));
        }).ToList();
    }

    /// <summary>When the last required step of the stage was done, if all are: since then the gate waits for its approver.</summary>
    private static DateTimeOffset? GateWaitingSince(Workflows.Definitions.StageDefinition stage, WorkflowInstance instance)
    {
        var required = stage.Steps.Where(s => s.Required).Select(s => instance.Step(s.Id)).ToList();
        return required.All(s => s.Status.IsComplete()) ? required.Max(s => s.Outcome?.At) ?? instance.Stage(stage.Id).StartedAt : null;
    }
}
