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
        await SaveAsync(await AddAuditAsync(null, instance, entry, ct), ct);
        record.State = EntityState.Detached; // a later transition in this scope attaches it as it then is
    }

    public async Task UpdateAsync(WorkflowInstance before, WorkflowInstance instance, AuditEntry entry, CancellationToken ct)
    {
        var expectedVersion = before.Version;
        var tracked = db.ChangeTracker.Entries().Select(e => e.Entity).ToHashSet(ReferenceEqualityComparer.Instance);
        // Attached as stored at the expected version, then its changing columns marked: SaveChanges writes
        // UPDATE ... WHERE Id = @id AND Version = @expected with the audit insert, in one transaction.
        var record = db.WorkflowInstances.Attach(InstanceMapping.ToRecord(instance));
        record.Property(r => r.Version).OriginalValue = expectedVersion;
        foreach (var column in ChangingColumns) record.Property(column).IsModified = true;
        try
        {
            await SaveAsync(await AddAuditAsync(before, instance, entry, ct), ct);
        }
        // The version moved on, or a listener's row (e.g. an obligation) was written meanwhile by a concurrent change.
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
        record.State = EntityState.Detached; // the next transition in this scope attaches the record again
    }

    private static readonly string[] ChangingColumns =
    [
        nameof(WorkflowInstanceRecord.State), nameof(WorkflowInstanceRecord.Status), nameof(WorkflowInstanceRecord.ActiveStage),
        nameof(WorkflowInstanceRecord.Version), nameof(WorkflowInstanceRecord.UpdatedAt), nameof(WorkflowInstanceRecord.CompletedAt),
    ];

    /// <summary>After a failed write: untracks what this write added (the record, its audit event, the listeners' rows), so a
    /// later save in the same scope does not write them; what the caller tracked before stays.</summary>
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

    /// <summary>SaveChanges, and the listeners' own statements after it in the same transaction (the caller's, if it has one).</summary>
    private async Task SaveAsync(List<InTransaction> work, CancellationToken ct)
    {
        if (work.Count == 0)
        {
            await db.SaveChangesAsync(ct);
            return;
        }
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await db.SaveChangesAsync(acceptAllChangesOnSuccess: false, ct);
        foreach (var inTransaction in work) await inTransaction(ct);
        if (transaction is not null) await transaction.CommitAsync(ct);
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
