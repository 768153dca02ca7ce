namespace Propilas.Workflows.Runtime;

/// <summary>The outcome of asking the engine for a transition: the new state and its audit entry, or why not.</summary>
public sealed record Transition(WorkflowInstance? Instance, AuditEntry? Entry, WorkflowError? Error)
{
    public bool Succeeded => Error is null;

    public static Transition Done(WorkflowInstance instance, AuditEntry entry) => new(instance, entry, null);

    public static Transition Fail(WorkflowErrorKind kind, string message) => new(null, null, new WorkflowError(kind, message));

    public static Transition Fail(WorkflowError error) => new(null, null, error);
}
