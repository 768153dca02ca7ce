using System.Text.Json.Nodes;

namespace Propilas.Workflows.Runtime;

/// <summary>One transition, as it is written to the audit trail in the same transaction as the state.</summary>
public sealed record AuditEntry(
    Guid InstanceId,
    SubjectKey Subject,
    string Action,
    string Target,
    string By,
    string Role,
    DateTimeOffset At,
    string? Before,
    string? After,
    JsonObject? Evidence = null,
    string? Reason = null);
