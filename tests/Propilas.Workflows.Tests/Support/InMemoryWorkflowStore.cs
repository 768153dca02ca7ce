using System.Text.Json;
using Propilas.Workflows.Runtime;

namespace Propilas.Workflows.Tests.Support;

/// <summary>
/// A store that behaves like the real one where it matters: it keeps serialised copies (nothing the caller holds
/// is shared with it), writes state and audit entry together, and refuses a write whose expected version is stale.
/// </summary>
public sealed class InMemoryWorkflowStore : IWorkflowStore
{
    private readonly object _gate = new();
    private readonly Dictionary<(DefinitionId, SubjectKey), string> _rows = [];
    private readonly List<AuditEntry> _audit = [];

    public int Writes { get; private set; }

    public IReadOnlyList<AuditEntry> Audit { get { lock (_gate) return [.. _audit]; } }

    public Task<WorkflowInstance?> FindAsync(DefinitionId definition, SubjectKey subject, CancellationToken ct)
    {
        lock (_gate)
            return Task.FromResult(_rows.TryGetValue((definition, subject), out var json) ? Copy(json) : null);
    }

    public Task InsertAsync(WorkflowInstance instance, AuditEntry entry, CancellationToken ct)
    {
        lock (_gate)
        {
            if (!_rows.TryAdd((instance.DefinitionId, instance.Subject), JsonSerializer.Serialize(instance)))
                throw new InvalidOperationException($"{instance.Subject} already has a {instance.DefinitionId} process.");
            _audit.Add(entry);
            Writes++;
        }
        return Task.CompletedTask;
    }

    public Task UpdateAsync(WorkflowInstance before, WorkflowInstance instance, AuditEntry entry, CancellationToken ct)
    {
        var expectedVersion = before.Version;
        lock (_gate)
        {
            var key = (instance.DefinitionId, instance.Subject);
            var stored = Copy(_rows[key]);
            if (stored.Version != expectedVersion) throw new WorkflowConflictException(instance.Subject, expectedVersion);
            _rows[key] = JsonSerializer.Serialize(instance);
            _audit.Add(entry);
            Writes++;
        }
        return Task.CompletedTask;
    }

    private static WorkflowInstance Copy(string json) => JsonSerializer.Deserialize<WorkflowInstance>(json)!;
}

/// <summary>Records every question and answers with the failures configured for each stage.</summary>
public sealed class RecordingGateEvaluator : IGateConditionEvaluator
{
    private readonly List<GateContext> _calls = [];

    public Dictionary<string, List<UnmetCondition>> Failures { get; } = [];

    public IReadOnlyList<GateContext> Calls { get { lock (_calls) return [.. _calls]; } }

    public ValueTask<IReadOnlyList<UnmetCondition>> EvaluateAsync(GateContext context, CancellationToken ct)
    {
        lock (_calls) _calls.Add(context);
        return ValueTask.FromResult<IReadOnlyList<UnmetCondition>>(Failures.GetValueOrDefault(context.Stage.Id.Value) ?? []);
    }
}
