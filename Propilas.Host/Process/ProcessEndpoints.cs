using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Propilas.Host.Database;
using Propilas.Host.Districts;
using Propilas.Workflows;
using Propilas.Workflows.Runtime;

namespace Propilas.Host.Process;

public static class ProcessEndpoints
{
    public static void MapProcess(this IEndpointRouteBuilder app)
    {
        var group = app.MapDistrictGroup("/process", "planning process").WithTags("Process");
        group.MapInstanceRoutes((_, context) => context.Process, "the district's process");
    }

    /// <summary>
    /// The routes every instance has: its view, step and gate decisions, and its history. <paramref name="route"/> picks the
    /// instance from the request (the district's process, or e.g. the project named in the route).
    /// </summary>
    public static void MapInstanceRoutes(this RouteGroupBuilder group, Func<HttpContext, ProcessContext, InstanceRoute> route, string what)
    {
        group.MapGet("", (string slug, ProcessContext context, HttpContext http, CancellationToken ct) =>
                context.WithInstance(route(http, context), target => context.ViewAsync(target, ct), ct))
            .Produces<ProcessResponse>().WithSummary($"Stages, steps with their state, gates and what blocks them: {what}.");
        group.MapPost("/steps/{stepId}/complete", (string slug, string stepId, CompleteRequest? request, ProcessContext context, HttpContext http, TimeProvider time, CancellationToken ct) =>
                context.Transition(route(http, context), (instance, runtime, actor) =>
                    runtime.CompleteCheckingDatesAsync(instance, new StepId(stepId), actor, request?.Evidence, request?.ExpectedVersion, time.GetUtcNow(), ct), ct))
            .Transition().ProducesValidationProblem()
            .WithSummary("Completes a task or approves an approval step, with its evidence; a step's conditions must hold (409).");
        group.MapPost("/steps/{stepId}/reject", (string slug, string stepId, DecisionRequest? request, ProcessContext context, HttpContext http, CancellationToken ct) =>
                context.Transition(route(http, context), (instance, runtime, actor) =>
                    runtime.RejectStepAsync(instance, new StepId(stepId), actor, request?.Reason, request?.ExpectedVersion, ct), ct))
            .Transition().WithSummary("Rejects an approval step, with a reason.");
        group.MapPost("/gates/{stageId}/approve", (string slug, string stageId, DecisionRequest? request, ProcessContext context, HttpContext http, CancellationToken ct) =>
                context.Transition(route(http, context), (instance, runtime, actor) =>
                    runtime.ApproveGateAsync(instance, new StageId(stageId), actor, request?.ExpectedVersion, ct), ct))
            .Transition().WithSummary("Approves the gate that closes a stage.");
        group.MapPost("/gates/{stageId}/reject", (string slug, string stageId, DecisionRequest? request, ProcessContext context, HttpContext http, CancellationToken ct) =>
                context.Transition(route(http, context), (instance, runtime, actor) =>
                    runtime.RejectGateAsync(instance, new StageId(stageId), actor, request?.Reason, request?.ExpectedVersion, ct), ct))
            .Transition().WithSummary("Rejects a gate, with a reason; the stage stays open.");
        group.MapGet("/history", (string slug, ProcessContext context, HttpContext http, PropilasDb db, CancellationToken ct) =>
                context.WithInstance(route(http, context), target => HistoryAsync(target, db, ct), ct))
            .Produces<List<HistoryEntry>>().WithSummary($"The audit trail of {what}.");
    }

    /// <summary>A transition answers the process view as it left it, or 409 (not ready, conditions unmet, a newer version).</summary>
    private static RouteHandlerBuilder Transition(this RouteHandlerBuilder route) =>
        route.Produces<ProcessResponse>().ProducesProblem(StatusCodes.Status409Conflict);

    /// <summary>One event of an instance's audit trail.</summary>
    public sealed record HistoryEntry(long Id, DateTimeOffset At, string Action, string Target, string By, string Role, string? Before, string? After,
        string? Reason, JsonElement? Evidence);

    /// <param name="ExpectedVersion">The process version the caller last saw; a newer one answers 409.</param>
    public sealed record CompleteRequest(JsonElement? Evidence, int? ExpectedVersion);

    public sealed record DecisionRequest(string? Reason, int? ExpectedVersion);

    private static async Task<IResult> HistoryAsync(ProcessContext.Target target, PropilasDb db, CancellationToken ct)
    {
        var events = await db.AuditEvents.AsNoTracking().Where(e => e.Subject == target.Instance.Subject.Value).OrderBy(e => e.Id)
            .Select(e => new { e.Id, e.At, e.Action, e.Target, e.By, e.Role, e.Before, e.After, e.Reason, e.Evidence })
            .ToListAsync(ct);
        return TypedResults.Ok(events.Select(e => new HistoryEntry(e.Id, e.At, e.Action, e.Target, e.By, e.Role, e.Before, e.After, e.Reason,
            e.Evidence is null ? null : JsonDocument.Parse(e.Evidence).RootElement)).ToList());
    }
}
