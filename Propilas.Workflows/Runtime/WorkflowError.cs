namespace Propilas.Workflows.Runtime;

public enum WorkflowErrorKind
{
    /// <summary>Unknown stage or step.</summary>
    NotFound,
    /// <summary>The actor lacks the role the step or gate asks for.</summary>
    Forbidden,
    /// <summary>Evidence missing or malformed; see <see cref="WorkflowError.FieldErrors"/>.</summary>
    InvalidEvidence,
    /// <summary>The step or gate cannot move now (blocked, already done, stage not active).</summary>
    NotReady,
    /// <summary>The gate's required steps or conditions are not met; see <see cref="WorkflowError.UnmetConditions"/>.</summary>
    GateConditionsUnmet,
    /// <summary>The step's conditions do not hold on the state it would leave; see <see cref="WorkflowError.UnmetConditions"/>.</summary>
    StepConditionsUnmet,
    /// <summary>Someone else changed the instance since it was read.</summary>
    Conflict,
}

public sealed record WorkflowError(
    WorkflowErrorKind Kind,
    string Message,
    IReadOnlyDictionary<string, string[]>? FieldErrors = null,
    IReadOnlyList<UnmetCondition>? UnmetConditions = null);

/// <summary>A reason a gate may not open or a step may not be completed: a required step not done, or a failed rule.</summary>
public sealed record UnmetCondition(string ConditionId, LocalizedText Message);
