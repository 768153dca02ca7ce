using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Propilas.Host.Accounts;
using Propilas.Host.Database;
using Propilas.Host.Pages.Localization;
using Propilas.Host.Pages.Shared;
using Propilas.Host.Process;
using Propilas.Workflows;
using Propilas.Workflows.Definitions;
using Propilas.Workflows.Runtime;

namespace Propilas.Host.Pages.Districts;

/// <summary>
/// A district's process: where it stands and what comes next, then stages, steps and gates with the forms of whoever may act
/// now. Approving a gate and rejecting a step or a gate ask first: the post without <c>confirm=1</c> only checks the action
/// would go through and shows a confirmation; the post with it acts.
/// </summary>
public sealed class ProcessModel(ProcessContext process, PropilasDb db, WorkflowRuntime runtime, TimeProvider time,
    IStringLocalizer<Texts> texts, IStringLocalizer<ProcessTexts> processTexts) : PageModel
{
    public string DistrictName { get; private set; } = "";
    public Alerts.AlertSummary AlertSummary { get; private set; } = null!;
    public ProcessContext.Target Target { get; private set; } = null!;
    public ProcessView View { get; private set; } = null!;
    public ProcessProgress Progress { get; private set; } = null!;
    public Actor Actor => User.ToActor();

    /// <summary>The step or gate whose form was rejected (<c>step:&lt;id&gt;</c>, <c>gate:&lt;id&gt;</c>), with its errors and what was typed.</summary>
    public string? FailedTarget { get; private set; }
    public Dictionary<string, string[]> Errors { get; } = [];
    public Dictionary<string, string> Typed { get; private set; } = [];
    public string? Message { get; private set; }
    public bool Stale { get; private set; }

    /// <summary>The risky action waiting for the person's confirmation, if any.</summary>
    public Confirmation? Confirming { get; private set; }

    public sealed record Confirmation(string Target, string Handler, int Version, string? Reason);

    [TempData] public string? Saved { get; set; }

    /// <summary>The evidence numbers of the posted form that were refused (an ambiguous "25.000"), by field name.</summary>
    private Dictionary<string, NumberProblem> _refusedNumbers = [];

    /// <summary>The posted council resolution's dates that cannot be right (before its step was ready, after today).</summary>
    private IReadOnlyList<ResolutionDates.Refusal> _refusedDates = [];

    public Task<IActionResult> OnGetAsync(string slug, CancellationToken ct) => LoadAsync(slug, ct);

    public Task<IActionResult> OnPostCompleteAsync(string slug, string stepId, int version, CancellationToken ct) =>
        ActAsync(slug, $"step:{stepId}", (instance, rt, actor) =>
        {
            var step = runtime.DefinitionOf(instance).FindStep(new StepId(stepId));
            var (evidence, refused) = step is null ? (default, []) : EvidenceForm.Read(step.Evidence, Request.Form);
            _refusedNumbers = refused;
            var now = time.GetUtcNow();
            _refusedDates = ResolutionDates.Check(rt.DefinitionOf(instance), instance, new StepId(stepId), evidence, now);
            return rt.CompleteCheckingDatesAsync(instance, new StepId(stepId), actor, evidence, version, now, ct);
        }, ct);

    public Task<IActionResult> OnPostRejectStepAsync(string slug, string stepId, int version, string? reason, string? confirm, CancellationToken ct) =>
        confirm == "1"
            ? ActAsync(slug, $"step:{stepId}", (instance, rt, actor) => rt.RejectStepAsync(instance, new StepId(stepId), actor, reason, version, ct), ct)
            : AskAsync(slug, new Confirmation($"step:{stepId}", "RejectStep", version, reason), (definition, instance, actor, now) =>
                Task.FromResult(WorkflowEngine.RejectStep(definition, instance, new StepId(stepId), actor, reason, now).Error), ct);

    public Task<IActionResult> OnPostApproveGateAsync(string slug, string stageId, int version, string? confirm, CancellationToken ct) =>
        confirm == "1"
            ? ActAsync(slug, $"gate:{stageId}", (instance, rt, actor) => rt.ApproveGateAsync(instance, new StageId(stageId), actor, version, ct), ct)
            : AskAsync(slug, new Confirmation($"gate:{stageId}", "ApproveGate", version, null), async (definition, instance, actor, now) =>
            {
                if (WorkflowEngine.CheckGate(definition, instance, new StageId(stageId), actor) is { } error) return error;
                var blockers = await runtime.GateBlockersAsync(instance, definition.FindStage(new StageId(stageId))!, ct);
                return blockers.Count == 0 ? null
                    : new WorkflowError(WorkflowErrorKind.GateConditionsUnmet, $"The gate of stage '{stageId}' cannot open yet.", UnmetConditions: blockers);
            }, ct);

    public Task<IActionResult> OnPostRejectGateAsync(string slug, string stageId, int version, string? reason, string? confirm, CancellationToken ct) =>
        confirm == "1"
            ? ActAsync(slug, $"gate:{stageId}", (instance, rt, actor) => rt.RejectGateAsync(instance, new StageId(stageId), actor, reason, version, ct), ct)
            : AskAsync(slug, new Confirmation($"gate:{stageId}", "RejectGate", version, reason), (definition, instance, actor, now) =>
                Task.FromResult(WorkflowEngine.RejectGate(definition, instance, new StageId(stageId), actor, reason, now).Error), ct);

    /// <summary>
    /// Checks, without writing, that the action would go through (the version the person saw, who they are, a reason given):
    /// if not, the form shows why at once; if so, the page asks for confirmation.
    /// </summary>
    private async Task<IActionResult> AskAsync(string slug, Confirmation confirmation,
        Func<WorkflowDefinition, WorkflowInstance, Actor, DateTimeOffset, Task<WorkflowError?>> check, CancellationToken ct)
    {
        var found = await process.FindAsync(slug, ct);
        if (found is null) return NotFound();
        if (!User.CanAccess(found.Slug)) return StatusCode(403);
        var instance = found.Instance;
        var error = confirmation.Version != instance.Version
            ? new WorkflowError(WorkflowErrorKind.Conflict, "Someone else changed the process.")
            : await check(runtime.DefinitionOf(instance), instance, Actor, time.GetUtcNow());
        if (error is not null) return await FailedAsync(slug, confirmation.Target, error, ct);
        Confirming = confirmation;
        return await LoadAsync(slug, ct);
    }

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
            return Redirect($"/districts/{slug}#{Anchor(target)}");
        }
        return await FailedAsync(slug, target, result.Error!, ct);
    }

    private async Task<IActionResult> FailedAsync(string slug, string target, WorkflowError error, CancellationToken ct)
    {
        FailedTarget = target;
        Typed = EvidenceForm.Typed(Request.Form);
        if (Request.Form["reason"].ToString() is { Length: > 0 } reason) Typed["reason"] = reason;
        Stale = error.Kind == WorkflowErrorKind.Conflict;
        Message = error.Kind is WorkflowErrorKind.GateConditionsUnmet or WorkflowErrorKind.InvalidEvidence or WorkflowErrorKind.Conflict ? null
            // A step's conditions say, in the reader's language, what the district still lacks (e.g. its diagnosis).
            : error.Kind == WorkflowErrorKind.StepConditionsUnmet
                ? string.Join(" ", error.UnmetConditions!.Select(u => u.Message.In(System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName)))
                : error.Message;
        foreach (var (key, messages) in error.FieldErrors ?? new Dictionary<string, string[]>()) Errors[key] = messages;
        // A number refused as typed says why (both readings of "25.000"), not only the runtime's "must be a number".
        foreach (var (name, problem) in _refusedNumbers)
            if (Errors.ContainsKey("evidence." + name)) Errors["evidence." + name] = [TypedNumbers.Explain(problem, texts)];
        foreach (var date in _refusedDates)
            if (Errors.ContainsKey(date.Key))
                Errors[date.Key] = [string.Format(CultureInfo.CurrentCulture, processTexts[date.Future ? "date.future" : "date.before-ready"], Dates.Show(date.Limit))];
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
        Progress = ProcessProgress.Of(View, Actor, time.GetUtcNow());
        AlertSummary = await Alerts.AlertSummary.ReadAsync(db, found.DistrictId, found.Slug.Value, ct);
        return Page();
    }

    public bool CanAct(string role) => Actor.Holds(role);

    /// <summary>Whether the step's form is on the page: its stage is open, it waits for a decision and this person holds its role.</summary>
    public bool FormOpen(StageView stage, StepView step) =>
        stage.Status == StageStatus.Active && step.Status is StepStatus.Ready or StepStatus.Rejected && CanAct(step.Role);

    /// <summary>
    /// Whether the rejected form is still on the page to say what went wrong beside it; when not (someone else completed the
    /// step meanwhile, the stage closed), the page says it at the top.
    /// </summary>
    public bool FailedFormShown => FailedTarget is { } target && View.Stages.Any(stage => stage.Status == StageStatus.Active && (
        target == $"gate:{stage.Id}" ? CanAct(stage.Gate.ApproverRole) : stage.Steps.Any(step => target == $"step:{step.Id}" && FormOpen(stage, step))));

    /// <summary>The id of a step's or gate's place on the page: <c>step:x</c> is at <c>#step-x</c>.</summary>
    public static string Anchor(string target) => target.Replace(':', '-');

    /// <summary>What is wrong with one field of the rejected form, in the page's language.</summary>
    public string Said(string[] messages, EvidenceField? field = null) =>
        string.Join(" ", messages.Select(m => field?.Type == EvidenceType.DateList && m.StartsWith("must be a list of dates", StringComparison.Ordinal)
            ? processTexts["DateListFormat"].Value
            // The engine's field messages are English; the page texts hold them by that text (one it lacks shows as it is).
            : texts[m].Value));

    /// <summary>The rejected form's problems for its error summary, each linking to its field.</summary>
    public IReadOnlyList<FieldProblem> Problems(string target, IReadOnlyList<EvidenceField> fields, string reasonFieldId)
    {
        if (FailedTarget != target) return [];
        var lang = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var problems = new List<FieldProblem>();
        foreach (var (key, messages) in Errors)
        {
            var field = key.StartsWith("evidence.", StringComparison.Ordinal) ? fields.FirstOrDefault(f => "evidence." + f.Name == key) : null;
            if (field is not null)
                problems.Add(new FieldProblem(FieldId(target, field), $"{field.Label.In(lang)}: {Said(messages, field)}"));
            else if (key == "reason")
                problems.Add(new FieldProblem(reasonFieldId, $"{texts["Reason"].Value}: {Said(messages)}"));
            else
                problems.Add(new FieldProblem(Anchor(target), Said(messages)));
        }
        return problems;
    }

    public static string FieldId(string target, EvidenceField field) => $"{target[(target.IndexOf(':') + 1)..]}-{field.Name}";
}
