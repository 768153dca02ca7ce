using System.Text.Json;
using Propilas.Workflows.Definitions;

namespace Propilas.Workflows.Runtime;

/// <summary>
/// The state machine. Pure: every method works on a copy of the instance and returns the new state with
/// its audit entry, or an error and no change. Persisting both together is the store's job.
/// </summary>
public static class WorkflowEngine
{
    public static (WorkflowInstance Instance, AuditEntry Entry) Start(WorkflowDefinition definition, SubjectKey subject, Actor actor, DateTimeOffset now)
    {
        var instance = new WorkflowInstance
        {
            Id = Guid.NewGuid(),
            DefinitionId = definition.Id,
            DefinitionVersion = definition.Version,
            Subject = subject,
            Status = InstanceStatus.Running,
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
            Stages = definition.Stages.Select(stage => new StageState
            {
                Id = stage.Id.Value,
                Status = StageStatus.Pending,
                Steps = stage.Steps.Select(step => new StepState { Id = step.Id.Value, Status = StepStatus.Blocked }).ToList(),
            }).ToList(),
        };
        Activate(definition, instance, instance.Stages[0], now);
        Refresh(definition, instance);
        var entry = new AuditEntry(instance.Id, subject, "instance.started", $"{definition.Id}@{definition.Version}",
            actor.UserName, actor.Roles.FirstOrDefault() ?? "", now, null, "running");
        return (instance, entry);
    }

    public static Transition CompleteStep(WorkflowDefinition definition, WorkflowInstance current, StepId stepId, Actor actor,
        JsonElement? evidence, DateTimeOffset now)
    {
        if (CheckStep(definition, current, stepId, actor) is { } error) return Transition.Fail(error);
        var step = definition.FindStep(stepId)!;
        var state = current.Step(stepId);
        if (state.Status.IsComplete())
            return Transition.Fail(WorkflowErrorKind.NotReady, $"Step '{stepId}' is already {Describe(state.Status)}.");

        var (normalised, errors) = EvidenceValidator.Validate(step.Evidence, evidence);
        if (errors.Count > 0)
            return Transition.Fail(new WorkflowError(WorkflowErrorKind.InvalidEvidence,
                $"The evidence for step '{stepId}' is incomplete or malformed.", errors));

        var next = current.Clone();
        var target = next.Step(stepId);
        var before = target.Status;
        target.Status = step.Kind.CompletedStatus();
        target.Outcome = new Decision(actor.UserName, step.Role, now);
        target.Evidence = normalised;
        Refresh(definition, next);
        Stamp(next, now);
        return Transition.Done(next, new AuditEntry(next.Id, next.Subject, step.Kind.CompletedAction(),
            stepId.Value, actor.UserName, step.Role, now, Describe(before), Describe(target.Status), normalised));
    }

    public static Transition RejectStep(WorkflowDefinition definition, WorkflowInstance current, StepId stepId, Actor actor,
        string? reason, DateTimeOffset now)
    {
        if (CheckStep(definition, current, stepId, actor) is { } error) return Transition.Fail(error);
        var step = definition.FindStep(stepId)!;
        if (!step.Kind.IsDecision())
            return Transition.Fail(WorkflowErrorKind.NotReady, $"Step '{stepId}' is a task; only approvals can be rejected.");
        if (current.Step(stepId).Status == StepStatus.Approved)
            return Transition.Fail(WorkflowErrorKind.NotReady, $"Step '{stepId}' is already approved.");
        if (MissingReason(reason) is { } reasonError) return Transition.Fail(reasonError);

        var next = current.Clone();
        var target = next.Step(stepId);
        var before = target.Status;
        target.Status = StepStatus.Rejected;
        target.Outcome = new Decision(actor.UserName, step.Role, now, reason!.Trim());
        Stamp(next, now);
        return Transition.Done(next, new AuditEntry(next.Id, next.Subject, "step.rejected", stepId.Value, actor.UserName, step.Role, now,
            Describe(before), Describe(target.Status), Reason: reason.Trim()));
    }

    /// <summary>
    /// Refuses a step completion whose conditions do not hold. <paramref name="completed"/> is the successful result of
    /// <see cref="CompleteStep"/>; the conditions were evaluated on its new state, so nothing of it is kept on refusal.
    /// </summary>
    public static Transition RequireStepConditions(Transition completed, StepDefinition step, IReadOnlyList<UnmetCondition> unmet) =>
        !completed.Succeeded || unmet.Count == 0
            ? completed
            : Transition.Fail(new WorkflowError(WorkflowErrorKind.StepConditionsUnmet,
                $"Step '{step.Id}' cannot be completed yet: {string.Join(", ", unmet.Select(u => u.ConditionId))}.",
                UnmetConditions: unmet));

    /// <summary>The required steps of a stage that are not yet done, as gate conditions.</summary>
    public static IReadOnlyList<UnmetCondition> UnfinishedSteps(StageDefinition stage, WorkflowInstance instance) =>
        stage.Steps
            .Where(s => s.Required && !instance.Step(s.Id).Status.IsComplete())
            .Select(s => new UnmetCondition($"step:{s.Id}",
                new LocalizedText($"Falta completar el paso «{s.Name.Es}».", $"The step “{s.Name.En}” is not done yet.")))
            .ToList();

    /// <param name="ruleFailures">What the gate-condition evaluator found unmet for this gate.</param>
    public static Transition ApproveGate(WorkflowDefinition definition, WorkflowInstance current, StageId stageId, Actor actor,
        IReadOnlyList<UnmetCondition> ruleFailures, DateTimeOffset now)
    {
        if (CheckGate(definition, current, stageId, actor) is { } error) return Transition.Fail(error);
        var stage = definition.FindStage(stageId)!;
        var unmet = UnfinishedSteps(stage, current).Concat(ruleFailures).ToList();
        if (unmet.Count > 0)
            return Transition.Fail(new WorkflowError(WorkflowErrorKind.GateConditionsUnmet,
                $"The gate of stage '{stageId}' cannot be approved yet: {string.Join(", ", unmet.Select(u => u.ConditionId))}.",
                UnmetConditions: unmet));

        var next = current.Clone();
        var state = next.Stage(stageId);
        state.Status = StageStatus.Approved;
        state.Gate = new Decision(actor.UserName, stage.Gate.ApproverRole, now);
        var index = next.Stages.IndexOf(state);
        if (index + 1 < next.Stages.Count) Activate(definition, next, next.Stages[index + 1], now);
        else
        {
            next.Status = InstanceStatus.Completed;
            next.CompletedAt = now;
        }
        Refresh(definition, next);
        Stamp(next, now);
        return Transition.Done(next, new AuditEntry(next.Id, next.Subject, "gate.approved", stageId.Value, actor.UserName,
            stage.Gate.ApproverRole, now, "open", next.Status == InstanceStatus.Completed ? "approved; process completed" : "approved"));
    }

    public static Transition RejectGate(WorkflowDefinition definition, WorkflowInstance current, StageId stageId, Actor actor,
        string? reason, DateTimeOffset now)
    {
        if (CheckGate(definition, current, stageId, actor) is { } error) return Transition.Fail(error);
        if (MissingReason(reason) is { } reasonError) return Transition.Fail(reasonError);
        var stage = definition.FindStage(stageId)!;
        var next = current.Clone();
        next.Stage(stageId).GateRejections.Add(new Decision(actor.UserName, stage.Gate.ApproverRole, now, reason!.Trim()));
        Stamp(next, now);
        return Transition.Done(next, new AuditEntry(next.Id, next.Subject, "gate.rejected", stageId.Value, actor.UserName,
            stage.Gate.ApproverRole, now, "open", "rejected; stage stays open", Reason: reason.Trim()));
    }

    /// <summary>Checks that a gate exists, the actor may decide it and its stage is the active one.</summary>
    public static WorkflowError? CheckGate(WorkflowDefinition definition, WorkflowInstance instance, StageId stageId, Actor actor)
    {
        var stage = definition.FindStage(stageId);
        if (stage is null) return new(WorkflowErrorKind.NotFound, $"Stage '{stageId}' does not exist in {definition}.");
        if (!actor.Holds(stage.Gate.ApproverRole))
            return new(WorkflowErrorKind.Forbidden, $"Only the {stage.Gate.ApproverRole} approves the gate of stage '{stageId}'.");
        var state = instance.Stage(stageId);
        return state.Status switch
        {
            StageStatus.Pending => new(WorkflowErrorKind.NotReady, $"Stage '{stageId}' has not started: an earlier gate is still open."),
            StageStatus.Approved => new(WorkflowErrorKind.NotReady, $"The gate of stage '{stageId}' is already approved."),
            _ => null,
        };
    }

    private static WorkflowError? CheckStep(WorkflowDefinition definition, WorkflowInstance instance, StepId stepId, Actor actor)
    {
        var step = definition.FindStep(stepId);
        if (step is null) return new(WorkflowErrorKind.NotFound, $"Step '{stepId}' does not exist in {definition}.");
        if (!actor.Holds(step.Role)) return new(WorkflowErrorKind.Forbidden, $"Step '{stepId}' is for the {step.Role}.");
        var stage = instance.Stage(definition.StageOf(stepId).Id);
        if (stage.Status == StageStatus.Pending)
            return new(WorkflowErrorKind.NotReady, $"Step '{stepId}' belongs to stage '{stage.Id}', which has not started.");
        if (stage.Status == StageStatus.Approved && !instance.Step(stepId).Status.IsComplete())
            return new(WorkflowErrorKind.NotReady, $"Stage '{stage.Id}' is closed.");
        if (instance.Step(stepId).Status == StepStatus.Blocked)
            return new(WorkflowErrorKind.NotReady, $"Step '{stepId}' is waiting for: {string.Join(", ", PendingDependencies(definition, instance, step))}.");
        return null;
    }

    public static IEnumerable<StepId> PendingDependencies(WorkflowDefinition definition, WorkflowInstance instance, StepDefinition step) =>
        step.DependsOn.Where(d => !instance.Step(d).Status.IsComplete());

    private static WorkflowError? MissingReason(string? reason) =>
        string.IsNullOrWhiteSpace(reason)
            ? new WorkflowError(WorkflowErrorKind.InvalidEvidence, "A rejection needs a reason.",
                new Dictionary<string, string[]> { ["reason"] = ["is required"] })
            : Bounds.TextProblem(reason.Trim(), Bounds.Text, multiLine: true) is { } problem
                ? new WorkflowError(WorkflowErrorKind.InvalidEvidence, "The reason does not fit.", new Dictionary<string, string[]> { ["reason"] = [problem] })
                : null;

    private static void Activate(WorkflowDefinition definition, WorkflowInstance instance, StageState stage, DateTimeOffset now)
    {
        stage.Status = StageStatus.Active;
        stage.StartedAt = now;
        foreach (var step in stage.Steps)
            step.DueAt = definition.FindStep(new StepId(step.Id))!.DueDays is { } days ? now.AddDays(days) : null;
    }

    /// <summary>Moves steps of the active stage between blocked and ready as their dependencies complete.</summary>
    private static void Refresh(WorkflowDefinition definition, WorkflowInstance instance)
    {
        foreach (var stage in instance.Stages.Where(s => s.Status == StageStatus.Active))
        foreach (var step in stage.Steps.Where(s => s.Status is StepStatus.Blocked or StepStatus.Ready))
        {
            var ready = !PendingDependencies(definition, instance, definition.FindStep(new StepId(step.Id))!).Any();
            step.Status = ready ? StepStatus.Ready : StepStatus.Blocked;
        }
    }

    private static void Stamp(WorkflowInstance instance, DateTimeOffset now)
    {
        instance.Version++;
        instance.UpdatedAt = now;
    }

    public static string Describe(StepStatus status) => status switch
    {
        StepStatus.Blocked => "blocked",
        StepStatus.Ready => "ready",
        StepStatus.Done => "done",
        StepStatus.Approved => "approved",
        StepStatus.Rejected => "rejected",
        _ => status.ToString(),
    };
}
