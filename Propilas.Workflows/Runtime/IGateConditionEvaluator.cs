using Propilas.Workflows.Definitions;

namespace Propilas.Workflows.Runtime;

/// <summary>
/// Decides which conditions of a gate, or of a step, do not hold. Implemented by the rules; the runtime only asks.
/// </summary>
public interface IGateConditionEvaluator
{
    ValueTask<IReadOnlyList<UnmetCondition>> EvaluateAsync(GateContext context, CancellationToken ct);
}

/// <summary>
/// What is being decided: the gate of <see cref="Stage"/>, or, when <see cref="Step"/> is set, the completion of that
/// step. For a step, <see cref="Instance"/> is the state the completion would leave (its new evidence included).
/// </summary>
public sealed record GateContext(WorkflowDefinition Definition, WorkflowInstance Instance, StageDefinition Stage, StepDefinition? Step = null)
{
    /// <summary>The condition ids to evaluate: the step's when deciding a step, otherwise the gate's.</summary>
    public IReadOnlyList<string> Conditions => Step?.Conditions ?? Stage.Gate.Conditions;

    /// <summary>"step 'diagnosis'" or "the gate of stage 'preparatory'", for messages.</summary>
    public string Describe() => Step is null ? $"the gate of stage '{Stage.Id}'" : $"step '{Step.Id}'";
}
