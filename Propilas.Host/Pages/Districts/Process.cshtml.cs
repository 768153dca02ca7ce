using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Propilas.Host.Accounts;
using Propilas.Host.Alerts;
using Propilas.Host.Database;
using Propilas.Host.Process;
using Propilas.Workflows;
using Propilas.Workflows.Runtime;

namespace Propilas.Host.Pages.Districts;

/// <summary>A district's process: stages, steps and gates, with the forms of whoever may act now.</summary>
public sealed class ProcessModel(ProcessContext process, PropilasDb db, WorkflowRuntime runtime) : PageModel
{
    public string DistrictName { get; private set; } = "";
    public ProcessContext.Target Target { get; private set; } = null!;
    public ProcessView View { get; private set; } = null!;
    public IReadOnlyList<Alert> Alerts { get; private set; } = [];
    public Actor Actor => User.ToActor();

    /// <summary>The step or gate whose form was rejected, with its errors and what was typed.</summary>
    public string? FailedTarget { get; private set; }
    public Dictionary<string, string[]> Errors { get; } = [];
    public Dictionary<string, string> Typed { get; private set; } = [];
    public string? Message { get; private set; }
    public bool Stale { get; private set; }

    [TempData] public string? Saved { get; set; }

    public Task<IActionResult> OnGetAsync(string slug, CancellationToken ct) => LoadAsync(slug, ct);

    public Task<IActionResult> OnPostCompleteAsync(string slug, string stepId, int version, CancellationToken ct) =>
        ActAsync(slug, $"step:{stepId}", (instance, rt, actor) =>
        {
            var step = runtime.DefinitionOf(instance).FindStep(new StepId(stepId));
            var evidence = step is null ? default : EvidenceForm.Read(step.Evidence, Request.Form);
            return rt.CompleteStepAsync(instance, new StepId(stepId), actor, evidence, version, ct);
        }, ct);

    public Task<IActionResult> OnPostRejectStepAsync(string slug, string stepId, int version, string? reason, CancellationToken ct) =>
        ActAsync(slug, $"step:{stepId}", (instance, rt, actor) => rt.RejectStepAsync(instance, new StepId(stepId), actor, reason, version, ct), ct);

    public Task<IActionResult> OnPostApproveGateAsync(string slug, string stageId, int version, CancellationToken ct) =>
        ActAsync(slug, $"gate:{stageId}", (instance, rt, actor) => rt.ApproveGateAsync(instance, new StageId(stageId), actor, version, ct), ct);

    public Task<IActionResult> OnPostRejectGateAsync(string slug, string stageId, int version, string? reason, CancellationToken ct) =>
        ActAsync(slug, $"gate:{stageId}", (instance, rt, actor) => rt.RejectGateAsync(instance, new StageId(stageId), actor, reason, version, ct), ct);

    private async Task<IActionResult> ActAsync(string slug, string target, Func<WorkflowInstance, WorkflowRuntime, Actor, Task<Transition>> transition,
        CancellationToken ct)
    {
        var found = await process.FindAsync(slug, ct);
        if (found is null) return NotFound();
        if (!User.CanAccess(found.Slug)) return StatusCode(403);
        var result = await process.ApplyAsync(found, transition, ct);
        if (result.Succeeded)
        {
            Saved = "1";
            return Redirect($"/districts/{slug}#{target.Replace(':', '-')}");
        }
        FailedTarget = target;
        Typed = EvidenceForm.Typed(Request.Form);
        if (Request.Form["reason"].ToString() is { Length: > 0 } reason) Typed["reason"] = reason;
        var error = result.Error!;
        Stale = error.Kind == WorkflowErrorKind.Conflict;
        Message = error.Kind is WorkflowErrorKind.GateConditionsUnmet or WorkflowErrorKind.InvalidEvidence or WorkflowErrorKind.Conflict ? null
            // A step's conditions say, in the reader's language, what the district still lacks (e.g. its diagnosis).
            : error.Kind == WorkflowErrorKind.StepConditionsUnmet
                ? string.Join(" ", error.UnmetConditions!.Select(u => u.Message.In(System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName)))
                : error.Message;
        foreach (var (key, messages) in error.FieldErrors ?? new Dictionary<string, string[]>()) Errors[key] = messages;
        Response.StatusCode = error.Kind == WorkflowErrorKind.Forbidden ? 403 : error.Kind == WorkflowErrorKind.InvalidEvidence ? 400 : 409;
        return await LoadAsync(slug, ct);
    }

    private async Task<IActionResult> LoadAsync(string slug, CancellationToken ct)
    {
        var found = await process.FindAsync(slug, ct);
        if (found is null) return NotFound();
        if (!User.CanAccess(found.Slug)) return StatusCode(403);
        Target = found;
        DistrictName = await db.Districts.AsNoTracking().Where(d => d.Id == found.DistrictId).Select(d => d.Name).FirstAsync(ct);
        View = await process.BuildAsync(found.Instance, ct);
        var roles = Actor.Roles;
        Alerts = (await db.Alerts.AsNoTracking()
                .Where(a => a.DistrictId == found.DistrictId && a.Status != AlertStatus.Resolved)
                .OrderByDescending(a => a.Id).ToListAsync(ct))
            .Where(a => User.IsCoordinator() || a.NotifiedRoles.Any(roles.Contains)).ToList();
        return Page();
    }

    public bool CanAct(string role) => Actor.Holds(role);
}
