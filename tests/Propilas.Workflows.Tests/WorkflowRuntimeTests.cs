using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Propilas.Workflows.Definitions;
using Propilas.Workflows.Runtime;
using Propilas.Workflows.Tests.Support;
using static Propilas.Workflows.Tests.Support.Actors;
using static Propilas.Workflows.Tests.Support.Defs;

namespace Propilas.Workflows.Tests;

public class WorkflowRuntimeTests
{
    private static readonly DefinitionId Flow = new("test-flow");
    private static readonly SubjectKey Utco = new("district:utco");
    private static readonly StageId First = new("first");
    private static readonly StepId A = new("a"), B = new("b"), C = new("c");
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 3, 14, 0, 0, TimeSpan.Zero));
    private readonly InMemoryWorkflowStore _store = new();
    private readonly RecordingGateEvaluator _gates = new();

    private WorkflowRuntime Runtime(params WorkflowDefinition[] definitions) =>
        new(new DefinitionCatalog(definitions.Length == 0 ? [MinimalDefinition()] : definitions), _store, _gates, _time);

    private async Task<WorkflowInstance> Load() => (await _store.FindAsync(Flow, Utco, None))!;

    private async Task<WorkflowInstance> FirstStageDone(WorkflowRuntime rt)
    {
        await rt.StartAsync(Flow, Utco, Coordinator, None);
        (await rt.CompleteStepAsync(await Load(), A, Coordinator, Json("""{"count": 2}"""), null, None)).Ok();
        (await rt.CompleteStepAsync(await Load(), B, Mayor, null, null, None)).Ok();
        (await rt.CompleteStepAsync(await Load(), C, Alderman, null, null, None)).Ok();
        return await Load();
    }

    [Fact]
    public async Task Start_stores_the_instance_and_its_audit_entry()
    {
        var rt = Runtime();
        var started = await rt.StartAsync(Flow, Utco, Coordinator, None);
        var stored = await rt.FindAsync(Flow, Utco, None);

        Assert.NotNull(stored);
        Assert.Equal(Snapshot(started), Snapshot(stored));
        Assert.Equal(_time.GetUtcNow(), stored.CreatedAt);
        Assert.Equal("instance.started", Assert.Single(_store.Audit).Action);
    }

    [Fact]
    public async Task A_transition_stores_state_and_audit_together_using_the_clock()
    {
        var rt = Runtime();
        await rt.StartAsync(Flow, Utco, Coordinator, None);
        _time.Advance(TimeSpan.FromHours(3));

        var t = await rt.CompleteStepAsync(await Load(), A, Coordinator, Json("""{"count": 2}"""), 1, None);

        var stored = await Load();
        Assert.Equal(Snapshot(t.Ok()), Snapshot(stored));
        Assert.Equal(2, stored.Version);
        Assert.Equal(StepStatus.Done, stored.Step(A).Status);
        Assert.Equal(_time.GetUtcNow(), stored.Step(A).Outcome!.At);
        Assert.Equal(["instance.started", "step.completed"], _store.Audit.Select(e => e.Action));
        Assert.Equal(_time.GetUtcNow(), _store.Audit[1].At);
    }

    [Fact]
    public async Task A_failed_transition_writes_nothing()
    {
        var rt = Runtime();
        await rt.StartAsync(Flow, Utco, Coordinator, None);
        (await rt.CompleteStepAsync(await Load(), A, Coordinator, Json("{}"), null, None)).Fails(WorkflowErrorKind.InvalidEvidence);
        (await rt.CompleteStepAsync(await Load(), B, Mayor, null, null, None)).Fails(WorkflowErrorKind.NotReady);
        Assert.Equal(1, _store.Writes);
        Assert.Equal(1, (await Load()).Version);
    }

    [Fact]
    public async Task An_expected_version_that_is_not_the_current_one_is_a_conflict()
    {
        var rt = Runtime();
        await rt.StartAsync(Flow, Utco, Coordinator, None);
        (await rt.CompleteStepAsync(await Load(), C, Alderman, null, 1, None)).Ok(); // now version 2

        var e = (await rt.CompleteStepAsync(await Load(), A, Coordinator, Json("""{"count": 2}"""), 1, None)).Fails(WorkflowErrorKind.Conflict);
        Assert.Contains("version 2", e.Message);
        Assert.Equal(2, (await Load()).Version);
        Assert.Equal(StepStatus.Ready, (await Load()).Step(A).Status);
        Assert.Equal(2, _store.Writes);
    }

    [Fact]
    public async Task A_write_from_a_stale_instance_is_a_conflict_not_an_overwrite()
    {
        var rt = Runtime();
        await rt.StartAsync(Flow, Utco, Coordinator, None);
        var stale = await Load();
        (await rt.CompleteStepAsync(await Load(), C, Alderman, null, null, None)).Ok();

        (await rt.CompleteStepAsync(stale, A, Coordinator, Json("""{"count": 2}"""), null, None)).Fails(WorkflowErrorKind.Conflict);
        var stored = await Load();
        Assert.Equal(StepStatus.Done, stored.Step(C).Status); // the first write survives
        Assert.Equal(StepStatus.Ready, stored.Step(A).Status);
        Assert.Equal(2, stored.Version);
    }

    [Fact]
    public async Task The_same_approval_raced_by_two_runtimes_takes_effect_once()
    {
        await FirstStageDone(Runtime());
        var loaded = await Load();
        var both = new Barrier(2);
        var racing = new BarrierGateEvaluator(both);
        var one = new WorkflowRuntime(new DefinitionCatalog([MinimalDefinition()]), _store, racing, _time);
        var two = new WorkflowRuntime(new DefinitionCatalog([MinimalDefinition()]), _store, racing, _time);

        // Both evaluate the gate before either writes: a real race, not two calls one after the other.
        var results = await Task.WhenAll(
            Task.Run(() => one.ApproveGateAsync(loaded, First, Mayor, loaded.Version, None)),
            Task.Run(() => two.ApproveGateAsync(loaded, First, Mayor, loaded.Version, None)));

        Assert.Single(results, r => r.Succeeded);
        Assert.Single(results, r => r.Error?.Kind == WorkflowErrorKind.Conflict);
        Assert.Single(_store.Audit, e => e.Action == "gate.approved");
        var stored = await Load();
        Assert.Equal(loaded.Version + 1, stored.Version);
        Assert.Equal(StageStatus.Approved, stored.Stage(First).Status);
    }

    [Fact]
    public async Task The_same_approval_sent_again_after_it_took_effect_is_refused()
    {
        var rt = Runtime();
        var loaded = await FirstStageDone(rt);
        (await rt.ApproveGateAsync(loaded, First, Mayor, loaded.Version, None)).Ok();
        (await rt.ApproveGateAsync(loaded, First, Mayor, loaded.Version, None)).Fails(WorkflowErrorKind.Conflict);
        (await rt.ApproveGateAsync(await Load(), First, Mayor, null, None)).Fails(WorkflowErrorKind.NotReady);
        Assert.Single(_store.Audit, e => e.Action == "gate.approved");
    }

    [Fact]
    public async Task The_gate_evaluator_is_asked_about_the_right_stage_and_its_failures_block_the_gate()
    {
        var rt = Runtime();
        var loaded = await FirstStageDone(rt);
        _gates.Failures["first"] = [new UnmetCondition("invitation.sector-missing", new LocalizedText("Falta salud.", "Health is missing."))];

        var e = (await rt.ApproveGateAsync(loaded, First, Mayor, null, None)).Fails(WorkflowErrorKind.GateConditionsUnmet);

        Assert.Equal(["invitation.sector-missing"], e.UnmetConditions!.Select(u => u.ConditionId));
        var call = Assert.Single(_gates.Calls);
        Assert.Equal("first", call.Stage.Id.Value);
        Assert.Equal(loaded.Id, call.Instance.Id);
        Assert.Equal(loaded.Version, call.Instance.Version);
        Assert.Equal((Flow, 1), (call.Definition.Id, call.Definition.Version));
        Assert.Equal(StageStatus.Active, (await Load()).Stage(First).Status);

        _gates.Failures.Clear();
        (await rt.ApproveGateAsync(loaded, First, Mayor, null, None)).Ok();
        Assert.Equal(StageStatus.Approved, (await Load()).Stage(First).Status);
    }

    [Fact]
    public async Task The_rules_are_not_consulted_for_someone_who_may_not_decide_the_gate()
    {
        var rt = Runtime();
        var loaded = await FirstStageDone(rt);
        (await rt.ApproveGateAsync(loaded, First, Coordinator, null, None)).Fails(WorkflowErrorKind.Forbidden);
        (await rt.ApproveGateAsync(loaded, new StageId("second"), Mayor, null, None)).Fails(WorkflowErrorKind.NotReady);
        Assert.Empty(_gates.Calls);
    }

    [Fact]
    public async Task Gate_blockers_list_unfinished_steps_and_failed_rules()
    {
        var rt = Runtime();
        var i = await rt.StartAsync(Flow, Utco, Coordinator, None);
        i = (await rt.CompleteStepAsync(i, A, Coordinator, Json("""{"count": 2}"""), null, None)).Ok();
        _gates.Failures["first"] = [new UnmetCondition("invitation.sector-missing", new LocalizedText("a", "b"))];

        var blockers = await rt.GateBlockersAsync(i, rt.DefinitionOf(i).FindStage(First)!, None);

        Assert.Equal(["step:b", "step:c", "invitation.sector-missing"], blockers.Select(b => b.ConditionId));
        Assert.Equal("first", Assert.Single(_gates.Calls).Stage.Id.Value);
    }

    [Fact]
    public async Task Rejections_go_through_the_store()
    {
        var rt = Runtime();
        var i = await rt.StartAsync(Flow, Utco, Coordinator, None);
        i = (await rt.CompleteStepAsync(i, A, Coordinator, Json("""{"count": 2}"""), null, None)).Ok();
        i = (await rt.RejectStepAsync(i, B, Mayor, "Sin informe", i.Version, None)).Ok();
        i = (await rt.RejectGateAsync(i, First, Mayor, "Faltan pasos", i.Version, None)).Ok();

        var stored = await Load();
        Assert.Equal(StepStatus.Rejected, stored.Step(B).Status);
        Assert.Equal("Sin informe", stored.Step(B).Outcome!.Reason);
        Assert.Equal("Faltan pasos", Assert.Single(stored.Stage(First).GateRejections).Reason);
        Assert.Equal(["instance.started", "step.completed", "step.rejected", "gate.rejected"], _store.Audit.Select(e => e.Action));
        (await rt.RejectGateAsync(i, First, Mayor, "again", 1, None)).Fails(WorkflowErrorKind.Conflict);
    }

    [Fact]
    public async Task Running_instances_keep_their_version_and_new_ones_start_on_the_latest()
    {
        var v1 = MinimalDefinition(1);
        var started = await Runtime(v1).StartAsync(Flow, Utco, Coordinator, None);
        Assert.Equal(1, started.DefinitionVersion);

        var json = Minimal(version: 2);
        ((JsonArray)StageAt(json, 0)["steps"]!).Add(Step("f", role: "alderman"));
        var v2 = Read(json);
        var rt = Runtime(v1, v2); // v2 published; the host restarts with both

        var old = await Load();
        Assert.Equal(1, old.DefinitionVersion);
        Assert.Same(v1, rt.DefinitionOf(old));
        (await rt.CompleteStepAsync(old, new StepId("f"), Alderman, null, null, None)).Fails(WorkflowErrorKind.NotFound);
        old = (await rt.CompleteStepAsync(old, A, Coordinator, Json("""{"count": 2}"""), null, None)).Ok();
        Assert.Equal(1, old.DefinitionVersion);
        var blockers = await rt.GateBlockersAsync(old, rt.DefinitionOf(old).FindStage(First)!, None);
        Assert.Equal(["step:b", "step:c"], blockers.Select(b => b.ConditionId));

        var fresh = await rt.StartAsync(Flow, new SubjectKey("district:lajas"), Coordinator, None);
        Assert.Equal(2, fresh.DefinitionVersion);
        Assert.Same(v2, rt.DefinitionOf(fresh));
        Assert.Equal(StepStatus.Ready, fresh.Step(new StepId("f")).Status);
    }

    /// <summary>Holds each caller until two have asked, so both transitions are computed from the same state.</summary>
    private sealed class BarrierGateEvaluator(Barrier barrier) : IGateConditionEvaluator
    {
        public ValueTask<IReadOnlyList<UnmetCondition>> EvaluateAsync(GateContext context, CancellationToken ct)
        {
            Assert.True(barrier.SignalAndWait(TimeSpan.FromSeconds(10)), "the second approval never arrived");
            return ValueTask.FromResult<IReadOnlyList<UnmetCondition>>([]);
        }
    }
}
