namespace Propilas.Workflows.Definitions;

/// <summary>A validated, immutable workflow definition: stages in order, each closed by a gate.</summary>
public sealed class WorkflowDefinition
{
    private readonly Dictionary<StepId, (StageDefinition Stage, StepDefinition Step)> _steps;
    private readonly Dictionary<StageId, StageDefinition> _stages;

    public WorkflowDefinition(DefinitionId id, int version, LocalizedText name, IReadOnlyList<string> roles,
        IReadOnlyList<StageDefinition> stages, string sourceJson)
    {
        Id = id;
        Version = version;
        Name = name;
        Roles = roles;
        Stages = stages;
        SourceJson = sourceJson;
        // TryAdd: duplicates are reported by the validator, not thrown here.
        _stages = [];
        _steps = [];
        foreach (var stage in stages)
        {
            _stages.TryAdd(stage.Id, stage);
            foreach (var step in stage.Steps) _steps.TryAdd(step.Id, (stage, step));
        }
    }

    public DefinitionId Id { get; }
    public int Version { get; }
    public LocalizedText Name { get; }
    public IReadOnlyList<string> Roles { get; }
    public IReadOnlyList<StageDefinition> Stages { get; }

    /// <summary>The file text this definition was read from; published versions are kept verbatim.</summary>
    public string SourceJson { get; }

    public StageDefinition? FindStage(StageId id) => _stages.GetValueOrDefault(id);

    public StepDefinition? FindStep(StepId id) => _steps.TryGetValue(id, out var p) ? p.Step : null;

    public StageDefinition StageOf(StepId id) => _steps[id].Stage;

    public override string ToString() => $"{Id} v{Version}";
}

public sealed record StageDefinition(StageId Id, LocalizedText Name, IReadOnlyList<StepDefinition> Steps, GateDefinition Gate);

public enum StepKind { Task, Approval }

public sealed record StepDefinition(
    StepId Id,
    LocalizedText Name,
    StepKind Kind,
    string Role,
    IReadOnlyList<StepId> DependsOn,
    int? DueDays,
    bool Required,
    IReadOnlyList<EvidenceField> Evidence,
    IReadOnlyList<string>? Conditions = null)
{
    /// <summary>
    /// Ids the condition evaluator checks (rules) before the step may be completed, on the state the step would
    /// leave: its new evidence included. Empty for most steps.
    /// </summary>
    public IReadOnlyList<string> Conditions { get; init; } = Conditions ?? [];
}

/// <summary>Closes a stage. <see cref="Conditions"/> are ids the gate-condition evaluator checks (rules).</summary>
public sealed record GateDefinition(string ApproverRole, IReadOnlyList<string> Conditions);

public enum EvidenceType { Text, Integer, Decimal, Date, Boolean, TextList, DateList }

public sealed record EvidenceField(string Name, EvidenceType Type, bool Required, LocalizedText Label);
