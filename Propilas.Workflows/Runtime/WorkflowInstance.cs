using System.Text.Json.Nodes;

namespace Propilas.Workflows.Runtime;

public enum InstanceStatus { Running, Completed }

public enum StageStatus { Pending, Active, Approved }

public enum StepStatus { Blocked, Ready, Done, Approved, Rejected }

public static class StepStatuses
{
    /// <summary>A task done or an approval approved: what dependencies and gates wait for.</summary>
    public static bool IsComplete(this StepStatus status) => status is StepStatus.Done or StepStatus.Approved;
}

/// <summary>
/// One definition version running for one subject. The stage and step states are a plain document
/// (persisted whole, as Elsa persists its workflow state); <see cref="Version"/> guards concurrent writes.
/// </summary>
public sealed class WorkflowInstance
{
    public Guid Id { get; init; }
    public DefinitionId DefinitionId { get; init; }
    public int DefinitionVersion { get; init; }
    public SubjectKey Subject { get; init; }
    public InstanceStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>Bumped by every transition; a write made from an older version is a conflict.</summary>
    public int Version { get; set; }

    public List<StageState> Stages { get; init; } = [];

    public StageState Stage(StageId id) => Stages.First(s => s.Id == id.Value);

    public StepState Step(StepId id) => Stages.SelectMany(s => s.Steps).First(s => s.Id == id.Value);

    public WorkflowInstance Clone() => new()
    {
        Id = Id, DefinitionId = DefinitionId, DefinitionVersion = DefinitionVersion, Subject = Subject, Status = Status,
        CreatedAt = CreatedAt, UpdatedAt = UpdatedAt, CompletedAt = CompletedAt, Version = Version,
        Stages = Stages.Select(s => s.Clone()).ToList(),
    };
}

public sealed class StageState
{
    public string Id { get; set; } = "";
    public StageStatus Status { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public Decision? Gate { get; set; }
    public List<Decision> GateRejections { get; set; } = [];
    public List<StepState> Steps { get; set; } = [];

    public StageState Clone() => new()
    {
        Id = Id, Status = Status, StartedAt = StartedAt, Gate = Gate, GateRejections = [.. GateRejections],
        Steps = Steps.Select(s => s.Clone()).ToList(),
    };
}

public sealed class StepState
{
    public string Id { get; set; } = "";
    public StepStatus Status { get; set; }
    public DateTimeOffset? DueAt { get; set; }
    public Decision? Outcome { get; set; }
    public JsonObject? Evidence { get; set; }

    public StepState Clone() => new()
    {
        Id = Id, Status = Status, DueAt = DueAt, Outcome = Outcome,
        Evidence = (JsonObject?)Evidence?.DeepClone(),
    };
}

/// <summary>Who decided what, when; <see cref="Reason"/> is set on rejections.</summary>
public sealed record Decision(string By, string Role, DateTimeOffset At, string? Reason = null);
