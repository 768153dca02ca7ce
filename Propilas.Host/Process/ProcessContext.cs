using Propilas.Host.Accounts;
using Propilas.Host.Common;
using Propilas.Host.Districts;
using Propilas.Workflows.Runtime;

namespace Propilas.Host.Process;

/// <summary>Finds a district's process and checks the caller may touch it: 404 unknown, 403 another district.</summary>
public sealed class ProcessContext(IHttpContextAccessor http, WorkflowRuntime runtime, ProcessSettings settings, TimeProvider time)
{
    public async Task<IResult> WithProcess(string slug, bool write, Func<WorkflowInstance, WorkflowRuntime, Task<IResult>> action, CancellationToken ct)
    {
        if (!DistrictSlug.TryParse(slug, out var district)) return Problems.NotFound($"No district '{slug}'.");
        var instance = await runtime.FindAsync(settings.DefinitionId, district.Subject, ct);
        if (instance is null) return Problems.NotFound($"No district '{slug}' with a planning process.");
        if (!http.HttpContext!.User.CanAccess(district))
            return Problems.Forbidden($"You may not {(write ? "act on" : "see")} the process of district '{slug}'.");
        return await action(instance, runtime);
    }

    public Task<IResult> Transition(string slug, Func<WorkflowInstance, WorkflowRuntime, Actor, Task<Transition>> transition, CancellationToken ct) =>
        WithProcess(slug, write: true, async (instance, rt) =>
        {
            var result = await transition(instance, rt, http.HttpContext!.User.ToActor());
            return result.Succeeded ? await ViewAsync(result.Instance!, ct) : Problems.From(result.Error!);
        }, ct);

    public async Task<IResult> ViewAsync(WorkflowInstance instance, CancellationToken ct)
    {
        var definition = runtime.DefinitionOf(instance);
        var active = definition.Stages.FirstOrDefault(s => instance.Stage(s.Id).Status == StageStatus.Active);
        var blockers = active is null ? [] : await runtime.GateBlockersAsync(instance, active, ct);
        return TypedResults.Ok(ProcessViewBuilder.Build(definition, instance, blockers, time.GetUtcNow()));
    }
}
