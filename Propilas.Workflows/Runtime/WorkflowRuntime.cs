using System.Text.Json;
using Propilas.Workflows.Definitions;

namespace Propilas.Workflows.Runtime;

/// <summary>
/// Load, transition, save: the one way instances change. A caller that read the instance earlier passes the
/// version it saw; a mismatch, or a concurrent writer, answers <see cref="WorkflowErrorKind.Conflict"/>.
/// </summary>
public sealed class WorkflowRuntime(DefinitionCatalog catalog, IWorkflowStore store, IGateConditionEvaluator gates, TimeProvider time)
{
    public DefinitionCatalog Catalog => catalog;

    public async Task<WorkflowInstance> StartAsync(DefinitionId definitionId, SubjectKey subject, Actor actor, CancellationToken ct)
    {
        var (instance, entry) = WorkflowEngine.Start(catalog.Latest(definitionId), subject, actor, time.GetUtcNow());
        await store.InsertAsync(instance, entry, ct);
        return instance;
    }

    public Task<WorkflowInstance?> FindAsync(DefinitionId definitionId, SubjectKey subject, CancellationToken ct) =>
        store.FindAsync(definitionId, subject, ct);

    public WorkflowDefinition DefinitionOf(WorkflowInstance instance) => catalog.Get(instance.DefinitionId, instance.DefinitionVersion);

    /// <summary>
    /// Completes a step. A step with <c>conditions</c> is completed only if they hold on the state it would leave,
    /// so a rule can read the evidence being recorded (e.g. the members of a committee) as well as earlier steps'.
    /// </summary>
    public Task<Transition> CompleteStepAsync(WorkflowInstance instance, StepId step, Actor actor, JsonElement? evidence, int? expectedVersion, CancellationToken ct) =>
        ApplyAsync(instance, expectedVersion, async (d, i) =>
        {
            var completed = WorkflowEngine.CompleteStep(d, i, step, actor, evidence, time.GetUtcNow());
            var definition = d.FindStep(step);
            if (!completed.Succeeded || definition!.Conditions.Count == 0) return completed;
            var unmet = await gates.EvaluateAsync(new GateContext(d, completed.Instance!, d.StageOf(step), definition), ct);
            return WorkflowEngine.RequireStepConditions(completed, definition, unmet);
        }, ct);

    public Task<Transition> RejectStepAsync(WorkflowInstance instance, StepId step, Actor actor, string? reason, int? expectedVersion, CancellationToken ct) =>
        ApplyAsync(instance, expectedVersion, (d, i) => ValueTask.FromResult(WorkflowEngine.RejectStep(d, i, step, actor, reason, time.GetUtcNow())), ct);

    public Task<Transition> RejectGateAsync(WorkflowInstance instance, StageId stage, Actor actor, string? reason, int? expectedVersion, CancellationToken ct) =>
        ApplyAsync(instance, expectedVersion, (d, i) => ValueTask.FromResult(WorkflowEngine.RejectGate(d, i, stage, actor, reason, time.GetUtcNow())), ct);

    public Task<Transition> ApproveGateAsync(WorkflowInstance instance, StageId stage, Actor actor, int? expectedVersion, CancellationToken ct) =>
        ApplyAsync(instance, expectedVersion, async (d, i) =>
        {
            if (WorkflowEngine.CheckGate(d, i, stage, actor) is { } error) return Transition.Fail(error);
            var failures = await gates.EvaluateAsync(new GateContext(d, i, d.FindStage(stage)!), ct);
            return WorkflowEngine.ApproveGate(d, i, stage, actor, failures, time.GetUtcNow());
        }, ct);

    /// <summary>What the gate of <paramref name="stage"/> still needs: unfinished required steps and failed conditions.</summary>
    public async Task<IReadOnlyList<UnmetCondition>> GateBlockersAsync(WorkflowInstance instance, StageDefinition stage, CancellationToken ct)
    {
        var definition = DefinitionOf(instance);
        var failures = await gates.EvaluateAsync(new GateContext(definition, instance, stage), ct);
        return [.. WorkflowEngine.UnfinishedSteps(stage, instance), .. failures];
    }

    private async Task<Transition> ApplyAsync(WorkflowInstance instance, int? expectedVersion,
        Func<WorkflowDefinition, WorkflowInstance, ValueTask<Transition>> transition, CancellationToken ct)
    {
        if (expectedVersion is { } expected && expected != instance.Version)
            return Transition.Fail(WorkflowErrorKind.Conflict,
                $"The process of {instance.Subject} is at version {instance.Version}, not {expected}: someone else changed it. Reload and try again.");
        var result = await transition(DefinitionOf(instance), instance);
        if (!result.Succeeded) return result;
        try
        {
            await store.UpdateAsync(instance, result.Instance!, result.Entry!, ct);
        }
        catch (WorkflowConflictException e)
        {
            return Transition.Fail(WorkflowErrorKind.Conflict, e.Message);
        }
        return result;
    }
}
