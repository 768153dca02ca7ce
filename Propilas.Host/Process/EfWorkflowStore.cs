using Microsoft.EntityFrameworkCore;
using Propilas.Host.Common;
using Propilas.Host.Database;
using Propilas.Workflows;
using Propilas.Workflows.Runtime;

namespace Propilas.Host.Process;

/// <summary>
/// Stores instances in the application database. An update is a conditional UPDATE on the version plus the
/// audit insert, in one transaction: a concurrent writer makes it affect no row, and that is a conflict.
/// </summary>
public sealed class EfWorkflowStore(PropilasDb db, IEnumerable<IWorkflowWriteListener> listeners) : IWorkflowStore
{
    public async Task<WorkflowInstance?> FindAsync(DefinitionId definition, SubjectKey subject, CancellationToken ct)
    {
        var record = await db.WorkflowInstances.AsNoTracking()
            .FirstOrDefaultAsync(i => i.Subject == subject.Value && i.DefinitionId == definition.Value, ct);
        return record is null ? null : InstanceMapping.FromRecord(record);
    }

    public async Task InsertAsync(WorkflowInstance instance, AuditEntry entry, CancellationToken ct)
    {
        db.WorkflowInstances.Add(InstanceMapping.ToRecord(instance));
        await AddAuditAsync(instance, entry, ct);
        await db.SaveChangesAsync(ct);
    }

    public async Task UpdateAsync(WorkflowInstance instance, int expectedVersion, AuditEntry entry, CancellationToken ct)
    {
        var record = InstanceMapping.ToRecord(instance);
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var changed = await db.WorkflowInstances
            .Where(i => i.Id == record.Id && i.Version == expectedVersion)
            .ExecuteUpdateAsync(s => s
                .SetProperty(i => i.State, record.State)
                .SetProperty(i => i.Status, record.Status)
                .SetProperty(i => i.ActiveStage, record.ActiveStage)
                .SetProperty(i => i.Version, record.Version)
                .SetProperty(i => i.UpdatedAt, record.UpdatedAt)
                .SetProperty(i => i.CompletedAt, record.CompletedAt), ct);
        if (changed == 0) throw new WorkflowConflictException(instance.Subject, expectedVersion);
        await AddAuditAsync(instance, entry, ct);
        await db.SaveChangesAsync(ct);
        if (transaction is not null) await transaction.CommitAsync(ct);
    }

    private async Task AddAuditAsync(WorkflowInstance instance, AuditEntry entry, CancellationToken ct)
    {
        var audit = ToEvent(entry);
        db.AuditEvents.Add(audit);
        foreach (var listener in listeners) await listener.OnWritingAsync(instance, audit, ct);
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
