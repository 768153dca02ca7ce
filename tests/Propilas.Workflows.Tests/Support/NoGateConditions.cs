using Propilas.Workflows.Runtime;

namespace Propilas.Workflows.Tests.Support;

/// <summary>For tests whose gates and steps have no conditions beyond their required steps.</summary>
public sealed class NoGateConditions : IGateConditionEvaluator
{
    public ValueTask<IReadOnlyList<UnmetCondition>> EvaluateAsync(GateContext context, CancellationToken ct) =>
        ValueTask.FromResult<IReadOnlyList<UnmetCondition>>([]);
}
