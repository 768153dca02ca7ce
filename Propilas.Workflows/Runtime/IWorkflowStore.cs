namespace Propilas.Workflows.Runtime;

/// <summary>Persists instances. Each write stores the new state and its audit entry in one transaction.</summary>
public interface IWorkflowStore
{
    Task<WorkflowInstance?> FindAsync(DefinitionId definition, SubjectKey subject, CancellationToken ct);

    Task InsertAsync(WorkflowInstance instance, AuditEntry entry, CancellationToken ct);

    /// <summary>Writes <paramref name="after"/> only if the stored version is still <paramref name="before"/>'s.</summary>
    /// <param name="before">The instance as it was read; the store may compare it with <paramref name="after"/>.</param>
    /// <exception cref="WorkflowConflictException">Someone else wrote first.</exception>
    Task UpdateAsync(WorkflowInstance before, WorkflowInstance after, AuditEntry entry, CancellationToken ct);
}

public sealed class WorkflowConflictException(SubjectKey subject, int expectedVersion)
    : Exception($"The process of {subject} was changed by someone else (expected version {expectedVersion}); reload and try again.");
