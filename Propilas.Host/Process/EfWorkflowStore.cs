using Microsoft.EntityFrameworkCore;
using Propilas.Host.Common;
using Propilas.Host.Database;
using Propilas.Host.Planning;
using Propilas.Workflows;
using Propilas.Workflows.Runtime;

namespace Propilas.Host.Process;

/// <summary>
/// Stores instances in the application database. An update is a conditional UPDATE on the version plus the audit
/// insert and the listeners' rows, in one transaction: a concurrent writer makes it affect no row, and that is a conflict.
/// </summary>
public sealed class EfWorkflowStore(PropilasDb db, IEnumerable<IWorkflowWriteListener> listeners) : IWorkflowStore
{
    // Compiled once: every process request starts here.
    private static readonly Func<PropilasDb, string, string, CancellationToken, Task<WorkflowInstanceRecord?>> Find =
        EF.CompileAsyncQuery((PropilasDb db, string subject, string definition, CancellationToken ct) =>
            db.WorkflowInstances.AsNoTracking().FirstOrDefault(i => i.Subject == subject && i.DefinitionId == definition));

    public async Task<WorkflowInstance?> FindAsync(DefinitionId definition, SubjectKey subject, CancellationToken ct)
    {
        var record = await Find(db, subject.Value, definition.Value, ct);
        return record is null ? null : InstanceMapping.FromRecord(record);
    }

    public async Task InsertAsync(WorkflowInstance instance, AuditEntry entry, CancellationToken ct)
    {
        var record = db.WorkflowInstances.Add(InstanceMapping.ToRecord(instance));
        await SaveAsync(await AddAuditAsync(null, instance, entry, ct), null, ct);
        record.State = EntityState.Detached; // transitions write the instance with a statement of their own, not from the context
    }

    public async Task UpdateAsync(WorkflowInstance before, WorkflowInstance instance, AuditEntry entry, CancellationToken ct)
    {
        var expectedVersion = before.Version;
        var tracked = db.ChangeTracker.Entries().Select(e => e.Entity).ToHashSet(ReferenceEqualityComparer.Instance);
        var work = await AddAuditAsync(before, instance, entry, ct);
        try
        {
            await SaveAsync(work, async transactionCt =>
            {
                if (await WriteStateAsync(InstanceMapping.ToRecord(instance), expectedVersion, transactionCt) == 0)
                    throw new WorkflowConflictException(instance.Subject, expectedVersion);
            }, ct);
        }
        // A listener's row (e.g. an obligation) was written meanwhile by a concurrent change.
        catch (DbUpdateException e) when (e.IsConflict())
        {
            Forget(tracked);
            throw new WorkflowConflictException(instance.Subject, expectedVersion);
        }
        catch
        {
            Forget(tracked);
            throw;
        }
    }

    /// <summary>
    /// The instance's changing columns, on condition that it is still at the version read: a concurrent writer moved it on,
    /// and no row is written.
    /// </summary>
    /// <returns>The rows written: 1, or 0 on a conflict.</returns>
    private Task<int> WriteStateAsync(WorkflowInstanceRecord r, int expectedVersion, CancellationToken ct) =>
        db.WorkflowInstances.Where(i => i.Id == r.Id && i.Version == expectedVersion).ExecuteUpdateAsync(s => s
            .SetProperty(i => i.State, r.State).SetProperty(i => i.Status, r.Status).SetProperty(i => i.ActiveStage, r.ActiveStage)
            .SetProperty(i => i.Version, r.Version).SetProperty(i => i.UpdatedAt, r.UpdatedAt).SetProperty(i => i.CompletedAt, r.CompletedAt), ct);

    /// <summary>After a failed write: untracks what this write added (its audit event, the listeners' rows), so a later save
    /// in the same scope does not write them; what the caller tracked before stays.</summary>
    private void Forget(HashSet<object> tracked)
    {
        foreach (var e in db.ChangeTracker.Entries().Where(e => !tracked.Contains(e.Entity)).ToList()) e.State = EntityState.Detached;
    }

    /// <returns>What the listeners will run in the transaction.</returns>
    private async Task<List<InTransaction>> AddAuditAsync(WorkflowInstance? before, WorkflowInstance instance, AuditEntry entry, CancellationToken ct)
    {
        var audit = ToEvent(entry);
        db.AuditEvents.Add(audit);
        var work = new List<InTransaction>();
        foreach (var listener in listeners)
            if (await listener.OnWritingAsync(before, instance, audit, ct) is { } inTransaction) work.Add(inTransaction);
        return work;
    }

    /// <summary>
    /// One transaction (the caller's, if it has one): the instance's own statement, if any; what the context tracks; then
    /// the listeners' own statements.
    /// </summary>
    private async Task SaveAsync(List<InTransaction> work, InTransaction? writeInstance, CancellationToken ct)
    {
        await db.Database.WriteAsync(async () =>
        {
            if (writeInstance is not null) await writeInstance(ct);
            await db.SaveChangesAsync(acceptAllChangesOnSuccess: false, ct); // its audit events and the listeners' rows
            foreach (var inTransaction in work) await inTransaction(ct);
        }, ct);
        db.ChangeTracker.AcceptAllChanges();
    }

    public static AuditEvent ToEvent(AuditEntry e) => new()
    {
        Subject = e.Subject.Value,
        InstanceId = e.InstanceId,
        Action = e.Action,
        Target = e.Target,
        By = e.By,
        Role = e.Role,
        At = e.At,
        Before = e.Before,
        After = e.After,
        Evidence = e.Evidence?.ToJsonString(),
        Reason = e.Reason,
    };
}
