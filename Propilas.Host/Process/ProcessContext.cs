using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Propilas.Host.Accounts;
using Propilas.Host.Alerts;
using Propilas.Host.Common;
using Propilas.Host.Database;
using Propilas.Host.Districts;
using Propilas.Workflows.Runtime;

namespace Propilas.Host.Process;

/// <summary>Which instance of a district a route acts on: its planning process, or another instance such as a project.</summary>
/// <param name="Name">What the instance is, for messages, e.g. "planning process" or "project 3".</param>
public sealed record InstanceRoute(string Name, Func<int, DistrictSlug, CancellationToken, Task<WorkflowInstance?>> Find);

/// <summary>
/// Finds a district's process (or another of its instances, through an <see cref="InstanceRoute"/>); after a transition, re-evaluates the district so the
/// answer already shows its new gate state and alerts.
/// </summary>
public sealed class ProcessContext(
    IHttpContextAccessor http, PropilasDb db, WorkflowRuntime runtime, ProcessSettings settings, DistrictChanges changes, TimeProvider time,
    IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
{
    public sealed record Target(int DistrictId, DistrictSlug Slug, WorkflowInstance Instance);

    /// <summary>The district's planning process.</summary>
    public InstanceRoute Process => new("planning process", (_, district, ct) => runtime.FindAsync(settings.DefinitionId, district.Subject, ct));

    /// <summary>Runs the action on the instance the route finds in the route's district (<see cref="DistrictRoutes"/> checked the caller), or answers 404.</summary>
    public async Task<IResult> WithInstance(InstanceRoute route, Func<Target, Task<IResult>> action, CancellationToken ct)
    {
        var district = http.HttpContext!.District();
        // One connection for the request's dozen statements, instead of one taken from the pool and given back for each.
        await db.Database.OpenConnectionAsync(ct);
        if (await route.Find(district.Id, district.Slug, ct) is not { } instance)
            return Problems.NotFound($"No {route.Name} in district '{district.Slug}' (or no such district).");
        return await action(new Target(district.Id, district.Slug, instance));
    }

    /// <summary>The district and its planning process, or null when either does not exist. Access is the caller's to check.</summary>
    public Task<Target?> FindAsync(string slug, CancellationToken ct) => FindAsync(slug, Process, ct);

    /// <summary>The district and the instance the route finds, or null when either does not exist. Access is the caller's to check.</summary>
    public async Task<Target?> FindAsync(string slug, InstanceRoute route, CancellationToken ct)
    {
        var district = await db.FindDistrictAsync(slug, ct);
        var instance = district is null ? null : await route.Find(district.Id, district.Slug, ct);
        return instance is null ? null : new Target(district!.Id, district.Slug, instance);
    }

    /// <summary>Runs a transition for the signed-in person and, when it succeeds, re-evaluates the district's alerts it touched.</summary>
    public async Task<Transition> ApplyAsync(Target target, Func<WorkflowInstance, WorkflowRuntime, Actor, Task<Transition>> transition, CancellationToken ct) =>
        (await ApplyAndReevaluateAsync(target, transition, ct)).Result;

    /// <summary>The transition, and the district's live alerts as its re-evaluation left them (null when it read none or failed).</summary>
    private async Task<(Transition Result, IReadOnlyList<Alert>? Live)> ApplyAndReevaluateAsync(Target target,
        Func<WorkflowInstance, WorkflowRuntime, Actor, Task<Transition>> transition, CancellationToken ct)
    {
        var before = target.Instance; // the engine works on a copy, so this stays as it was
        var result = await transition(target.Instance, runtime, http.HttpContext!.User.ToActor());
        if (!result.Succeeded) return (result, null);
        // Only the planning process's timeline sets the district's phase (and its obligations); a project's is its own.
        var changed = before.DefinitionId == settings.DefinitionId ? ProcessChange.Between(before, result.Instance!) : DistrictArea.ProcessSteps;
        return (result, (await changes.AfterChangeAsync(target.DistrictId, changed, ct)).Live);
    }

    public Task<IResult> Transition(InstanceRoute route, Func<WorkflowInstance, WorkflowRuntime, Actor, Task<Transition>> transition,
        CancellationToken ct) =>
        WithInstance(route, async target =>
        {
            var (result, live) = await ApplyAndReevaluateAsync(target, transition, ct);
            return result.Succeeded ? await ViewAsync(target with { Instance = result.Instance! }, live, ct) : Problems.From(result.Error!);
        }, ct);

    /// <summary>The process view with the district's live alerts added as <c>alerts</c>.</summary>
    public Task<IResult> ViewAsync(Target target, CancellationToken ct) => ViewAsync(target, null, ct);

    /// <param name="live">The district's live alerts when the caller has just read them (after a transition), else null to read them.</param>
    private async Task<IResult> ViewAsync(Target target, IReadOnlyList<Alert>? live, CancellationToken ct)
    {
        var view = await BuildAsync(target.Instance, ct);
        var alerts = new List<AlertEndpoints.AlertView>();
        if (live is not null)
            alerts.AddRange(live.Select(alert => AlertEndpoints.ToView(alert, target.Slug)));
        else
            await foreach (var alert in LiveAlerts(db, target.DistrictId).WithCancellation(ct)) alerts.Add(AlertEndpoints.ToView(alert, target.Slug));
        return TypedResults.Json(ProcessResponse.Of(view, alerts), json.Value.SerializerOptions);
    }

    // Compiled once: every process answer shows them.
    private static readonly Func<PropilasDb, int, IAsyncEnumerable<Alert>> LiveAlerts = EF.CompileAsyncQuery<PropilasDb, int, Alert>((db, districtId) =>
        db.Alerts.AsNoTracking().Where(a => a.DistrictId == districtId && a.Status != AlertStatus.Resolved).OrderByDescending(a => a.Id));

    public async Task<ProcessView> BuildAsync(WorkflowInstance instance, CancellationToken ct)
    {
        var definition = runtime.DefinitionOf(instance);
        var active = definition.Stages.FirstOrDefault(s => instance.Stage(s.Id).Status == StageStatus.Active);
        var blockers = active is null ? [] : await runtime.GateBlockersAsync(instance, active, ct);
        return ProcessViewBuilder.Build(definition, instance, blockers, time.GetUtcNow());
    }
}
