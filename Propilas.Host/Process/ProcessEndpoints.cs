using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Propilas.Host.Accounts;
using Propilas.Host.Common;
using Propilas.Host.Database;
using Propilas.Host.Districts;
using Propilas.Workflows;
using Propilas.Workflows.Runtime;

namespace Propilas.Host.Process;

public static class ProcessEndpoints
{
    public static void MapProcess(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/districts/{slug}/process").RequireAuthorization().WithTags("Process");
        group.MapGet("", Get).WithSummary("Stages, steps with their state, gates and what blocks them.");
        group.MapPost("/steps/{stepId}/complete", CompleteStep).WithSummary("Completes a task or approves an approval step, with its evidence.");
        group.MapPost("/steps/{stepId}/reject", RejectStep).WithSummary("Rejects an approval step, with a reason.");
        group.MapPost("/gates/{stageId}/approve", ApproveGate).WithSummary("Approves the gate that closes a stage.");
        group.MapPost("/gates/{stageId}/reject", RejectGate).WithSummary("Rejects a gate, with a reason; the stage stays open.");
        group.MapGet("/history", History).WithSummary("The audit trail of the district's process.");
    }

    /// <param name="ExpectedVersion">The process version the caller last saw; a newer one answers 409.</param>
    public sealed record CompleteRequest(JsonElement? Evidence, int? ExpectedVersion);

    public sealed record DecisionRequest(string? Reason, int? ExpectedVersion);

    private static Task<IResult> Get(string slug, ProcessContext context, CancellationToken ct) =>
        context.WithProcess(slug, write: false, target => context.ViewAsync(target, ct), ct);

    private static Task<IResult> CompleteStep(string slug, string stepId, CompleteRequest? request, ProcessContext context, CancellationToken ct) =>
        context.Transition(slug, (instance, runtime, actor) =>
            runtime.CompleteStepAsync(instance, new StepId(stepId), actor, request?.Evidence, request?.ExpectedVersion, ct), ct);

    private static Task<IResult> RejectStep(string slug, string stepId, DecisionRequest? request, ProcessContext context, CancellationToken ct) =>
        context.Transition(slug, (instance, runtime, actor) =>
            runtime.RejectStepAsync(instance, new StepId(stepId), actor, request?.Reason, request?.ExpectedVersion, ct), ct);

    private static Task<IResult> ApproveGate(string slug, string stageId, DecisionRequest? request, ProcessContext context, CancellationToken ct) =>
        context.Transition(slug, (instance, runtime, actor) =>
            runtime.ApproveGateAsync(instance, new StageId(stageId), actor, request?.ExpectedVersion, ct), ct);

    private static Task<IResult> RejectGate(string slug, string stageId, DecisionRequest? request, ProcessContext context, CancellationToken ct) =>
        context.Transition(slug, (instance, runtime, actor) =>
            runtime.RejectGateAsync(instance, new StageId(stageId), actor, request?.Reason, request?.ExpectedVersion, ct), ct);

    private static Task<IResult> History(string slug, ProcessContext context, PropilasDb db, CancellationToken ct) =>
        context.WithProcess(slug, write: false, async target =>
        {
            var events = await db.AuditEvents.AsNoTracking().Where(e => e.Subject == target.Instance.Subject.Value).OrderBy(e => e.Id)
                .Select(e => new { e.Id, e.At, e.Action, e.Target, e.By, e.Role, e.Before, e.After, e.Reason, e.Evidence })
                .ToListAsync(ct);
            return TypedResults.Ok(events.Select(e => new
            {
                e.Id, e.At, e.Action, e.Target, e.By, e.Role, e.Before, e.After, e.Reason,
                Evidence = e.Evidence is null ? (JsonElement?)null : JsonDocument.Parse(e.Evidence).RootElement,
            }));
        }, ct);
}
