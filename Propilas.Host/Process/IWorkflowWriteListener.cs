using Propilas.Host.Common;
using Propilas.Workflows.Runtime;

namespace Propilas.Host.Process;

/// <summary>
/// Lets a feature keep a record of its own with a transition, saved in the same transaction as the instance's new
/// state and its audit event (e.g. the investment plan a step was completed with). Called by the store for every
/// write, whoever makes it (the API, the pages, the seeder); add entities to the context, do not save.
/// </summary>
public interface IWorkflowWriteListener
{
    /// <param name="before">The instance as it was before this write; null when the write starts it.</param>
    /// <param name="audit">The audit event being written, not yet saved: link to it by navigation.</param>
    /// <returns>Statements of the listener's own to run in the write's transaction once the context is saved (e.g. one
    /// UPDATE for many rows, where the context would write one per row), or null. Reads belong before: the transaction
    /// holds the database's write lock.</returns>
    Task<InTransaction?> OnWritingAsync(WorkflowInstance? before, WorkflowInstance instance, AuditEvent audit, CancellationToken ct);
}

/// <summary>Work that runs inside a write's transaction; a conflict is thrown as <see cref="Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException"/>.</summary>
public delegate Task InTransaction(CancellationToken ct);
