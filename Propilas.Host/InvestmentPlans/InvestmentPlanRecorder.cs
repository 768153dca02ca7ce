using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Propilas.Host.Common;
using Propilas.Host.Database;
using Propilas.Host.Districts;
using Propilas.Host.Process;
using Propilas.Workflows.Runtime;

namespace Propilas.Host.InvestmentPlans;

/// <summary>
/// When a district's <c>investment-plan</c> step is completed, keeps the plan it was completed with (inputs, parameters,
/// computed columns) beside the step's audit event, in the same transaction. The step's condition
/// <c>investment-plan.figures-differ</c> has already checked that the recorded figures are this plan's.
/// </summary>
public sealed class InvestmentPlanRecorder(PropilasDb db, InvestmentPlanner planner, ProcessSettings settings) : IWorkflowWriteListener
{
    public const string StepId = "investment-plan";

    public async Task<InTransaction?> OnWritingAsync(WorkflowInstance? before, WorkflowInstance instance, AuditEvent audit, CancellationToken ct)
    {
        if (audit.Action != "step.completed" || audit.Target != StepId || instance.DefinitionId != settings.DefinitionId) return null;
        if (!DistrictSlug.TryOfSubject(instance.Subject, out var slug)) return null;
        var district = await db.Districts.AsNoTracking().FirstOrDefaultAsync(d => d.Slug == slug, ct);
        // Instances of version 1 could complete the step without inputs: there is then no plan to keep.
        if (district is null || await planner.FindAsync(district.Id, ct) is not { } inputs) return null;

        var parameters = planner.ParametersOf(inputs);
        db.Add(new RecordedInvestmentPlan
        {
            DistrictId = district.Id, InstanceId = instance.Id, AuditEvent = audit, RecordedAt = audit.At, RecordedBy = audit.By,
            Inputs = JsonSerializer.Serialize(InvestmentPlanner.InputOf(district, inputs), InvestmentPlanner.Json),
            Parameters = JsonSerializer.Serialize(parameters, InvestmentPlanner.Json),
            Plan = JsonSerializer.Serialize(InvestmentPlanner.Plan(district, inputs, parameters), InvestmentPlanner.Json),
        });
        return null;
    }
}
