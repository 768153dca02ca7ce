using Propilas.Workflows.Definitions;

namespace Propilas.Workflows.Runtime;

/// <summary>Decides which of a gate's conditions do not hold. Implemented by the rules; the runtime only asks.</summary>
public interface IGateConditionEvaluator
{
    ValueTask<IReadOnlyList<UnmetCondition>> EvaluateAsync(GateContext context, CancellationToken ct);
}

public sealed record GateContext(WorkflowDefinition Definition, WorkflowInstance Instance, StageDefinition Stage);

/// <summary>For definitions whose gates have no conditions beyond their required steps.</summary>
public sealed class NoGateConditions : IGateConditionEvaluator
{
    public ValueTask<IReadOnlyList<UnmetCondition>> EvaluateAsync(GateContext context, CancellationToken ct) => ValueTask.FromResult<IReadOnlyList<UnmetCondition>>([]);
}
