using Microsoft.EntityFrameworkCore;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Propilas.Host.Accounts;
using Propilas.Host.Database;
using Propilas.Host.Diagnosis;
using Propilas.Host.Districts;
using Propilas.Host.InvestmentPlans;
using Propilas.Host.Planning;
using Propilas.Host.Process;
using Propilas.Rules.Calculations;
using Propilas.Rules.Diagnosis;
using Propilas.Workflows.Runtime;

namespace Propilas.Host.Pages.Planning;

/// <summary>
/// The district's Strategic Plan for W&amp;S as a printable document, assembled from what the process recorded (the design
/// workshops' vision and goals, the support committee, the council resolution), its diagnosis and its investment plan.
/// </summary>
public sealed class StrategicPlanModel(PropilasDb db, ProcessContext process, DiagnosisSummaries diagnoses, InvestmentPlanner planner, TimeProvider time) : PageModel
{
    /// <summary>The day the document is rendered, printed on each page.</summary>
    public DateOnly PrintedOn { get; } = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    public District District { get; private set; } = null!;
    public WorkflowInstance? Instance { get; private set; }
    public DistrictDiagnosisSummary? Diagnosis { get; private set; }
    public InvestmentPlanResult? Plan { get; private set; }

    /// <summary>Whether <see cref="Plan"/> is the one the investment-plan step was completed with (otherwise today's, from the inputs).</summary>
    public bool PlanIsRecorded { get; private set; }
    public DateTimeOffset? PlanRecordedAt { get; private set; }
    public IReadOnlyList<StrategicPlan.PlanGoal> Goals { get; private set; } = [];
    public ILookup<int, StrategicPlan.PlanActivity> ActivitiesByGoal { get; private set; } = Array.Empty<StrategicPlan.PlanActivity>().ToLookup(a => a.GoalId);
    public IReadOnlyList<Commitments.Commitment> Commitments { get; private set; } = [];
    public IReadOnlyList<Committee.CommitteeMember> Committee { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (await db.FindDistrictAsync(slug, ct) is not { } found) return NotFound();
        if (!User.CanAccess(found.Slug)) return Forbid();
        var district = await db.RecordOfAsync(found, ct);
        District = district;
        Instance = (await process.FindAsync(slug, ct))?.Instance;
        if (await diagnoses.FindAsync(district.Id, ct) is { } diagnosis) Diagnosis = diagnoses.Summarise(district, diagnosis);
        if (await InvestmentPlanEndpoints.LatestRecordedAsync(db, district.Id, ct) is { } recorded)
        {
            Plan = recorded.Plan.Deserialize<InvestmentPlanResult>(InvestmentPlanner.Json);
            PlanIsRecorded = true;
            PlanRecordedAt = recorded.RecordedAt;
        }
        else if (await planner.FindAsync(district.Id, ct) is { } inputs)
            Plan = InvestmentPlanner.Plan(district, inputs, planner.ParametersOf(inputs));
        Goals = await db.Set<StrategicPlan.PlanGoal>().AsNoTracking().Where(g => g.DistrictId == district.Id).OrderBy(g => g.KeyIssue).ThenBy(g => g.Id).ToListAsync(ct);
        ActivitiesByGoal = (await db.Set<StrategicPlan.PlanActivity>().AsNoTracking().Where(a => a.DistrictId == district.Id)
            .OrderBy(a => a.Year).ThenBy(a => a.Id).ToListAsync(ct)).ToLookup(a => a.GoalId);
        Commitments = await db.Set<Commitments.Commitment>().AsNoTracking()
            .Where(c => c.DistrictId == district.Id && c.Status != Propilas.Rules.Facts.CommitmentStatus.Cancelled).OrderBy(c => c.DueOn).ToListAsync(ct);
        Committee = await db.Set<Committee.CommitteeMember>().AsNoTracking().Where(m => m.DistrictId == district.Id).OrderBy(m => m.Id).ToListAsync(ct);
        return Page();
    }

    /// <summary>A text or date recorded with a step, or null.</summary>
    public string? Text(string step, string field) =>
        Evidence(step)?[field] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    public long? Number(string step, string field) =>
        Evidence(step)?[field] is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? v.GetValue<long>() : null;

    public IReadOnlyList<string> List(string step, string field) =>
        Evidence(step)?[field] is JsonArray items ? items.Select(i => i?.GetValue<string>() ?? "").Where(i => i.Length > 0).ToList() : [];

    public DateOnly? Date(string step, string field) => DateOnly.TryParseExact(Text(step, field), "yyyy-MM-dd", out var d) ? d : null;

    public bool Done(string step) => Instance?.Stages.SelectMany(s => s.Steps).FirstOrDefault(s => s.Id == step)?.Status is StepStatus.Done or StepStatus.Approved;

    private JsonObject? Evidence(string step) => Instance?.Stages.SelectMany(s => s.Steps).FirstOrDefault(s => s.Id == step)?.Evidence;
}
