using System.Text.Json.Nodes;
using Propilas.Workflows.Definitions;

namespace Propilas.Workflows.Runtime;

/// <summary>An instance read against its definition: what each stage, step and gate is waiting for.</summary>
public sealed record ProcessView(
    Guid InstanceId, DefinitionId DefinitionId, int DefinitionVersion, SubjectKey Subject, InstanceStatus Status,
    int Version, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? CompletedAt, IReadOnlyList<StageView> Stages);

public sealed record StageView(
    StageId Id, LocalizedText Name, StageStatus Status, DateTimeOffset? StartedAt, GateView Gate, IReadOnlyList<StepView> Steps);

public sealed record GateView(
    string ApproverRole, bool CanApprove, Decision? Approved, IReadOnlyList<Decision> Rejections, IReadOnlyList<UnmetCondition> Blockers);

public sealed record StepView(
    StepId Id, LocalizedText Name, StepKind Kind, string Role, bool Required, StepStatus Status, DateTimeOffset? DueAt,
    bool Overdue, IReadOnlyList<StepId> DependsOn, IReadOnlyList<StepId> WaitingFor, Decision? Outcome, JsonObject? Evidence,
    IReadOnlyList<EvidenceField> EvidenceFields);

public static class ProcessViewBuilder
{
    /// <param name="activeGateBlockers">Blockers of the active stage's gate (from <see cref="WorkflowRuntime.GateBlockersAsync"/>).</param>
    public static ProcessView Build(WorkflowDefinition definition, WorkflowInstance instance, IReadOnlyList<UnmetCondition> activeGateBlockers, DateTimeOffset now) =>
        new(instance.Id, instance.DefinitionId, instance.DefinitionVersion, instance.Subject, instance.Status, instance.Version,
            instance.CreatedAt, instance.UpdatedAt, instance.CompletedAt,
            definition.Stages.Select(stage =>
            {
                var state = instance.Stage(stage.Id);
                var blockers = state.Status == StageStatus.Active ? activeGateBlockers : [];
                var gate = new GateView(stage.Gate.ApproverRole, state.Status == StageStatus.Active && blockers.Count == 0,
                    state.Gate, state.GateRejections, blockers);
                return new StageView(stage.Id, stage.Name, state.Status, state.StartedAt, gate, stage.Steps.Select(step =>
                {
                    var s = instance.Step(step.Id);
                    var open = !s.Status.IsComplete();
                    return new StepView(step.Id, step.Name, step.Kind, step.Role, step.Required, s.Status, s.DueAt,
                        open && s.DueAt < now, step.DependsOn, WorkflowEngine.PendingDependencies(definition, instance, step).ToList(),
                        s.Outcome, s.Evidence, step.Evidence);
                }).ToList());
            }).ToList());
}
