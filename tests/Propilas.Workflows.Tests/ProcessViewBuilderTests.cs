using Propilas.Workflows.Definitions;
using Propilas.Workflows.Runtime;
using Propilas.Workflows.Tests.Support;
using static Propilas.Workflows.Tests.Support.Actors;
using static Propilas.Workflows.Tests.Support.Defs;

namespace Propilas.Workflows.Tests;

public class ProcessViewBuilderTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);
    private static readonly StageId First = new("first"), Second = new("second");
    private static readonly StepId A = new("a"), B = new("b"), C = new("c"), D = new("d"), E = new("e");
    private static readonly UnmetCondition Rule = new("invitation.sector-missing", new LocalizedText("x", "y"));

    private readonly WorkflowDefinition _def = MinimalDefinition();

    private WorkflowInstance Start() => WorkflowEngine.Start(_def, new SubjectKey("district:tacabamba"), Coordinator, T0).Instance;

    private ProcessView View(WorkflowInstance i, DateTimeOffset now, params UnmetCondition[] blockers) =>
        ProcessViewBuilder.Build(_def, i, blockers, now);

    private static StepView StepOf(ProcessView v, StepId id) => v.Stages.SelectMany(s => s.Steps).Single(s => s.Id == id);

    private static StageView StageOf(ProcessView v, StageId id) => v.Stages.Single(s => s.Id == id);

    [Fact]
    public void The_view_follows_the_definition_and_the_state()
    {
        var i = Start();
        var v = View(i, T0);
        Assert.Equal((i.Id, i.DefinitionId, 1, i.Subject, InstanceStatus.Running, 1), (v.InstanceId, v.DefinitionId, v.DefinitionVersion, v.Subject, v.Status, v.Version));
        Assert.Equal(["first", "second"], v.Stages.Select(s => s.Id.Value));
        Assert.Equal(["a", "b", "c"], StageOf(v, First).Steps.Select(s => s.Id.Value));
        var b = StepOf(v, B);
        Assert.Equal((StepKind.Approval, "mayor", StepStatus.Blocked, T0.AddDays(10)), (b.Kind, b.Role, b.Status, b.DueAt));
        Assert.Equal(StageStatus.Active, StageOf(v, First).Status);
        Assert.Equal("count", Assert.Single(StepOf(v, A).EvidenceFields).Name);
    }

    [Fact]
    public void Open_steps_past_their_due_date_are_overdue()
    {
        var i = Start(); // a due T0+5d (ready), b due T0+10d (blocked), c no due date
        var v = View(i, T0.AddDays(11));
        Assert.True(StepOf(v, A).Overdue);
        Assert.True(StepOf(v, B).Overdue); // blocked is still open
        Assert.False(StepOf(v, C).Overdue);
        Assert.False(StepOf(v, D).Overdue); // its stage has not started

        var early = View(i, T0.AddDays(4));
        Assert.False(StepOf(early, A).Overdue);
        Assert.False(StepOf(View(i, T0.AddDays(5)), A).Overdue); // due exactly now: not yet late
    }

    [Fact]
    public void Done_approved_steps_are_never_overdue_but_rejected_ones_are()
    {
        var i = WorkflowEngine.CompleteStep(_def, Start(), A, Coordinator, Json("""{"count": 1}"""), T0.AddDays(1)).Ok();
        var rejected = WorkflowEngine.RejectStep(_def, i, B, Mayor, "no", T0.AddDays(2)).Ok();
        var late = T0.AddDays(30);

        Assert.False(StepOf(View(rejected, late), A).Overdue);
        Assert.True(StepOf(View(rejected, late), B).Overdue);

        var approved = WorkflowEngine.CompleteStep(_def, rejected, B, Mayor, null, T0.AddDays(3)).Ok();
        Assert.False(StepOf(View(approved, late), B).Overdue);
    }

    [Fact]
    public void Waiting_for_lists_the_dependencies_not_yet_done()
    {
        var i = Start();
        var v = View(i, T0);
        Assert.Equal([A], StepOf(v, B).WaitingFor);
        Assert.Equal([A], StepOf(v, B).DependsOn);
        Assert.Empty(StepOf(v, A).WaitingFor);
        Assert.Equal([D], StepOf(v, E).WaitingFor);

        i = WorkflowEngine.CompleteStep(_def, i, A, Coordinator, Json("""{"count": 1}"""), T0).Ok();
        v = View(i, T0);
        Assert.Empty(StepOf(v, B).WaitingFor);
        Assert.Equal([A], StepOf(v, B).DependsOn);
        var a = StepOf(v, A);
        Assert.Equal(StepStatus.Done, a.Status);
        Assert.Equal("ana.coordinator", a.Outcome!.By);
        Assert.Equal("""{"count":1}""", a.Evidence!.ToJsonString());
    }

    [Fact]
    public void Can_approve_only_the_active_stage_and_only_without_blockers()
    {
        var i = Start();
        var blocked = View(i, T0, Rule);
        Assert.False(StageOf(blocked, First).Gate.CanApprove);
        Assert.Equal([Rule], StageOf(blocked, First).Gate.Blockers);
        Assert.Empty(StageOf(blocked, Second).Gate.Blockers); // the blockers belong to the active stage only
        Assert.False(StageOf(blocked, Second).Gate.CanApprove);

        var clear = View(i, T0);
        Assert.True(StageOf(clear, First).Gate.CanApprove);
        Assert.False(StageOf(clear, Second).Gate.CanApprove); // pending
        Assert.Equal("mayor", StageOf(clear, First).Gate.ApproverRole);
    }

    [Fact]
    public void An_approved_stage_shows_its_decision_and_cannot_be_approved_again()
    {
        var i = Start();
        i = WorkflowEngine.CompleteStep(_def, i, A, Coordinator, Json("""{"count": 1}"""), T0).Ok();
        i = WorkflowEngine.CompleteStep(_def, i, B, Mayor, null, T0).Ok();
        i = WorkflowEngine.CompleteStep(_def, i, C, Alderman, null, T0).Ok();
        i = WorkflowEngine.RejectGate(_def, i, First, Mayor, "Falta salud", T0.AddDays(1)).Ok();
        i = WorkflowEngine.ApproveGate(_def, i, First, Mayor, [], T0.AddDays(2)).Ok();

        var v = View(i, T0.AddDays(2));
        var first = StageOf(v, First);
        Assert.Equal(StageStatus.Approved, first.Status);
        Assert.False(first.Gate.CanApprove);
        Assert.Equal(T0.AddDays(2), first.Gate.Approved!.At);
        Assert.Equal("Falta salud", Assert.Single(first.Gate.Rejections).Reason);
        Assert.True(StageOf(v, Second).Gate.CanApprove);
        Assert.Equal(T0.AddDays(2), StageOf(v, Second).StartedAt);
    }

    [Fact]
    public async Task The_view_built_with_the_runtime_blockers_shows_what_the_gate_waits_for()
    {
        var store = new InMemoryWorkflowStore();
        var gates = new RecordingGateEvaluator();
        gates.Failures["first"] = [Rule];
        var rt = new WorkflowRuntime(new DefinitionCatalog([_def]), store, gates, TimeProvider.System);
        var i = await rt.StartAsync(_def.Id, new SubjectKey("district:lajas"), Coordinator, CancellationToken.None);

        var active = _def.Stages.Single(s => i.Stage(s.Id).Status == StageStatus.Active);
        var v = ProcessViewBuilder.Build(_def, i, await rt.GateBlockersAsync(i, active, CancellationToken.None), DateTimeOffset.UtcNow);

        var gate = StageOf(v, First).Gate;
        Assert.False(gate.CanApprove);
        Assert.Equal(["step:a", "step:b", "step:c", "invitation.sector-missing"], gate.Blockers.Select(b => b.ConditionId));
    }
}
