using System.Text.Json;
using System.Text.Json.Serialization;
using Propilas.Workflows;
using Propilas.Workflows.Runtime;

namespace Propilas.Host.Process;

/// <summary>Between the runtime's <see cref="WorkflowInstance"/> and its stored record.</summary>
public static class InstanceMapping
{
    private static readonly JsonSerializerOptions StateJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static WorkflowInstanceRecord ToRecord(WorkflowInstance i) => new()
    {
        Id = i.Id,
        DefinitionId = i.DefinitionId.Value,
        DefinitionVersion = i.DefinitionVersion,
        Subject = i.Subject.Value,
        Status = StatusText(i.Status),
        ActiveStage = ActiveStage(i),
        State = JsonSerializer.Serialize(i.Stages, StateJson),
        Version = i.Version,
        CreatedAt = i.CreatedAt,
        UpdatedAt = i.UpdatedAt,
        CompletedAt = i.CompletedAt,
    };

    public static WorkflowInstance FromRecord(WorkflowInstanceRecord r) => new()
    {
        Id = r.Id,
        DefinitionId = new DefinitionId(r.DefinitionId),
        DefinitionVersion = r.DefinitionVersion,
        Subject = new SubjectKey(r.Subject),
        Status = r.Status == "completed" ? InstanceStatus.Completed : InstanceStatus.Running,
        Version = r.Version,
        CreatedAt = r.CreatedAt,
        UpdatedAt = r.UpdatedAt,
        CompletedAt = r.CompletedAt,
        Stages = JsonSerializer.Deserialize<List<StageState>>(r.State, StateJson) ?? [],
    };

    public static string StatusText(InstanceStatus s) => s == InstanceStatus.Completed ? "completed" : "running";

    public static string? ActiveStage(WorkflowInstance i) => i.Stages.FirstOrDefault(s => s.Status == StageStatus.Active)?.Id;

}
