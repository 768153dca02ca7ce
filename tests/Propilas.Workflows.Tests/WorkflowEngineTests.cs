using System.Text.Json.Nodes;
using Propilas.Workflows.Definitions;
using Propilas.Workflows.Runtime;
using Propilas.Workflows.Tests.Support;
using static Propilas.Workflows.Tests.Support.Actors;
using static Propilas.Workflows.Tests.Support.Defs;

namespace Propilas.Workflows.Tests;

public class WorkflowEngineTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 3, 9, 0, 0, TimeSpan.FromHours(-5));
    private static readonly SubjectKey Utco = new("district:utco");
    private static readonly StageId First = new("first"), Second = new("second");
    private static readonly StepId A = new("a"), B = new("b"), C = new("c"), D = new("d"), E = new("e");

    private readonly WorkflowDefinition _def = MinimalDefinition();

    private WorkflowInstance Start() => WorkflowEngine.Start(_def, Utco, Coordinator, T0).Instance;

    private Transition Complete(WorkflowInstance i, StepId step, Actor actor, string? evidence = null, int minutes = 1) =>
        WorkflowEngine.CompleteStep(_def, i, step, actor, evidence is null ? null : Json(evidence), T0.AddMinutes(minutes));

    private static StepStatus Status(WorkflowInstance i, StepId s) => i.Step(s).Status;

    /// <summary>Completes every step of the first stage (a, b, c).</summary>
    private WorkflowInstance FirstStageDone(WorkflowInstance i)
    {
        i = Complete(i, A, Coordinator, """{"count": 3}""").Ok();
        i = Complete(i, B, Mayor).Ok();
        return Complete(i, C, Alderman).Ok();
    }

    // ---- start ----

    [Fact]
    public void Start_activates_the_first_stage_with_due_dates_from_due_days()
    {
        var (i, entry) = WorkflowEngine.Start(_def, Utco, Coordinator, T0);

        Assert.Equal(InstanceStatus.Running, i.Status);
        Assert.Equal(1, i.Version);
        Assert.Equal((_def.Id, 1, Utco), (i.DefinitionId, i.DefinitionVersion, i.Subject));
        Assert.Equal((T0, T0), (i.CreatedAt, i.UpdatedAt));
        Assert.Null(i.CompletedAt);

        Assert.Equal(StageStatus.Active, i.Stage(First).Status);
        Assert.Equal(T0, i.Stage(First).StartedAt);
        Assert.Equal(StageStatus.Pending, i.Stage(Second).Status);
        Assert.Null(i.Stage(Second).StartedAt);

        Assert.Equal(T0.AddDays(5), i.Step(A).DueAt);
        Assert.Equal(T0.AddDays(10), i.Step(B).DueAt);
        Assert.Null(i.Step(C).DueAt); // no dueDays
        Assert.Null(i.Step(D).DueAt); // its stage has not started: no due date yet

        Assert.Equal("instance.started", entry.Action);
        Assert.Equal("test-flow@1", entry.Target);
        Assert.Equal((i.Id, Utco, "ana.coordinator", "coordinator", T0), (entry.InstanceId, entry.Subject, entry.By, entry.Role, entry.At));
        Assert.Null(entry.Before);
        Assert.Equal("running", entry.After);
    }

    [Fact]
    public void Start_makes_steps_without_pending_dependencies_ready_and_the_others_blocked()
    {
        var i = Start();
        Assert.Equal(StepStatus.Ready, Status(i, A));
        Assert.Equal(StepStatus.Blocked, Status(i, B));
        Assert.Equal(StepStatus.Ready, Status(i, C));
        Assert.Equal(StepStatus.Blocked, Status(i, D)); // pending stage
        Assert.Equal(StepStatus.Blocked, Status(i, E));
    }

    [Fact]
    public void Each_start_is_a_new_instance()
    {
        Assert.NotEqual(Start().Id, Start().Id);
    }

    // ---- steps ----

    [Fact]
    public void Completing_a_dependency_makes_its_dependant_ready()
    {
        var i = Complete(Start(), A, Coordinator, """{"count": 3}""").Ok();
        Assert.Equal(StepStatus.Done, Status(i, A));
        Assert.Equal(StepStatus.Ready, Status(i, B));
    }

    [Fact]
    public void Completing_a_step_records_outcome_evidence_version_and_audit()
    {
        var start = Start();
        var t = WorkflowEngine.CompleteStep(_def, start, A, Coordinator, Json("""{"count": 3}"""), T0.AddHours(2));
        var i = t.Ok();

        Assert.Equal(2, i.Version);
        Assert.Equal(T0.AddHours(2), i.UpdatedAt);
        Assert.Equal(new Decision("ana.coordinator", "coordinator", T0.AddHours(2)), i.Step(A).Outcome);
        Assert.Equal("""{"count":3}""", i.Step(A).Evidence!.ToJsonString());

        var e = t.Entry!;
        Assert.Equal((i.Id, Utco, "step.completed", "a"), (e.InstanceId, e.Subject, e.Action, e.Target));
        Assert.Equal(("ana.coordinator", "coordinator", T0.AddHours(2)), (e.By, e.Role, e.At));
        Assert.Equal(("ready", "done"), (e.Before, e.After));
        Assert.Equal("""{"count":3}""", e.Evidence!.ToJsonString());
        Assert.Null(e.Reason);
    }

    [Fact]
    public void A_step_of_another_role_is_forbidden()
    {
        var e = Complete(Start(), A, Mayor, """{"count": 3}""").Fails(WorkflowErrorKind.Forbidden);
        Assert.Contains("coordinator", e.Message);
    }

    [Fact]
    public void An_actor_holding_several_roles_may_act_with_any_of_them()
    {
        var both = Actor.Of("multi", "mayor", "coordinator");
        var i = Complete(Start(), A, both, """{"count": 1}""").Ok();
        Assert.Equal("multi", i.Step(A).Outcome!.By);
        Assert.Equal("coordinator", i.Step(A).Outcome!.Role);
    }

    [Fact]
    public void An_unknown_step_is_not_found()
    {
        Complete(Start(), new StepId("ghost"), Coordinator).Fails(WorkflowErrorKind.NotFound);
    }

    [Fact]
    public void A_blocked_step_is_not_ready_and_says_what_it_waits_for()
    {
        var e = Complete(Start(), B, Mayor).Fails(WorkflowErrorKind.NotReady);
        Assert.Contains("waiting for: a", e.Message);
    }

    [Fact]
    public void A_step_of_a_pending_stage_is_not_ready()
    {
        var e = Complete(Start(), D, Coordinator).Fails(WorkflowErrorKind.NotReady);
        Assert.Contains("has not started", e.Message);
    }

    [Fact]
    public void Completing_a_step_twice_is_not_ready()
    {
        var i = Complete(Start(), A, Coordinator, """{"count": 3}""").Ok();
        var e = Complete(i, A, Coordinator, """{"count": 4}""").Fails(WorkflowErrorKind.NotReady);
        Assert.Contains("already done", e.Message);
    }

    [Fact]
    public void An_optional_step_left_undone_cannot_be_completed_once_its_stage_is_closed()
    {
        var json = Minimal();
        StepAt(json, 0, 2)["required"] = false; // c
        var def = Read(json);
        var i = WorkflowEngine.Start(def, Utco, Coordinator, T0).Instance;
        i = WorkflowEngine.CompleteStep(def, i, A, Coordinator, Json("""{"count": 1}"""), T0).Ok();
        i = WorkflowEngine.CompleteStep(def, i, B, Mayor, null, T0).Ok();
        i = WorkflowEngine.ApproveGate(def, i, First, Mayor, [], T0).Ok(); // c is optional: the gate opens without it

        var e = WorkflowEngine.CompleteStep(def, i, C, Alderman, null, T0).Fails(WorkflowErrorKind.NotReady);
        Assert.Contains("closed", e.Message);
    }

    // ---- approvals ----

    [Fact]
    public void An_approval_step_is_approved_by_completing_it()
    {
        var i = Complete(Start(), A, Coordinator, """{"count": 3}""").Ok();
        var t = Complete(i, B, Mayor, minutes: 5);
        i = t.Ok();
        Assert.Equal(StepStatus.Approved, Status(i, B));
        Assert.Equal(new Decision("mayor.utco", "mayor", T0.AddMinutes(5)), i.Step(B).Outcome);
        Assert.Equal(("step.approved", "ready", "approved"), (t.Entry!.Action, t.Entry.Before, t.Entry.After));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Rejecting_an_approval_needs_a_reason(string? reason)
    {
        var i = Complete(Start(), A, Coordinator, """{"count": 3}""").Ok();
        var e = WorkflowEngine.RejectStep(_def, i, B, Mayor, reason, T0).Fails(WorkflowErrorKind.InvalidEvidence);
        Assert.Equal(["is required"], e.FieldErrors!["reason"]);
    }

    [Fact]
    public void Tasks_cannot_be_rejected()
    {
        var e = WorkflowEngine.RejectStep(_def, Start(), A, Coordinator, "no", T0).Fails(WorkflowErrorKind.NotReady);
        Assert.Contains("only approvals", e.Message);
    }

    [Fact]
    public void Rejecting_needs_the_role_and_a_ready_step()
    {
        var i = Start();
        WorkflowEngine.RejectStep(_def, i, B, Mayor, "too early", T0).Fails(WorkflowErrorKind.NotReady); // blocked
        i = Complete(i, A, Coordinator, """{"count": 3}""").Ok();
        WorkflowEngine.RejectStep(_def, i, B, Coordinator, "not mine", T0).Fails(WorkflowErrorKind.Forbidden);
    }

    [Fact]
    public void A_rejected_approval_records_the_reason_blocks_the_gate_and_can_later_be_approved()
    {
        var i = Complete(Start(), A, Coordinator, """{"count": 3}""").Ok();
        i = Complete(i, C, Alderman).Ok();

        var rejected = WorkflowEngine.RejectStep(_def, i, B, Mayor, "  Falta el informe del diagnóstico.  ", T0.AddDays(1));
        i = rejected.Ok();
        Assert.Equal(StepStatus.Rejected, Status(i, B));
        Assert.Equal(new Decision("mayor.utco", "mayor", T0.AddDays(1), "Falta el informe del diagnóstico."), i.Step(B).Outcome);
        var entry = rejected.Entry!;
        Assert.Equal(("step.rejected", "b", "ready", "rejected"), (entry.Action, entry.Target, entry.Before, entry.After));
        Assert.Equal("Falta el informe del diagnóstico.", entry.Reason);

        var blocked = WorkflowEngine.ApproveGate(_def, i, First, Mayor, [], T0.AddDays(1)).Fails(WorkflowErrorKind.GateConditionsUnmet);
        Assert.Equal(["step:b"], blocked.UnmetConditions!.Select(u => u.ConditionId));

        var approved = Complete(i, B, Mayor, minutes: 60 * 24 * 2);
        i = approved.Ok();
        Assert.Equal(StepStatus.Approved, Status(i, B));
        Assert.Null(i.Step(B).Outcome!.Reason);
        Assert.Equal(("rejected", "approved"), (approved.Entry!.Before, approved.Entry.After));
        WorkflowEngine.ApproveGate(_def, i, First, Mayor, [], T0.AddDays(3)).Ok();
    }

    [Fact]
    public void An_approved_step_cannot_be_rejected()
    {
        var i = Complete(Start(), A, Coordinator, """{"count": 3}""").Ok();
        i = Complete(i, B, Mayor).Ok();
        WorkflowEngine.RejectStep(_def, i, B, Mayor, "changed my mind", T0).Fails(WorkflowErrorKind.NotReady);
    }

    [Fact]
    public void A_rejected_approval_keeps_its_dependants_blocked()
    {
        var json = Minimal();
        StepAt(json, 0, 2)["dependsOn"] = new JsonArray("b"); // c waits for the approval b
        var def = Read(json);
        var i = WorkflowEngine.Start(def, Utco, Coordinator, T0).Instance;
        i = WorkflowEngine.CompleteStep(def, i, A, Coordinator, Json("""{"count": 1}"""), T0).Ok();
        i = WorkflowEngine.RejectStep(def, i, B, Mayor, "no", T0).Ok();
        Assert.Equal(StepStatus.Blocked, i.Step(C).Status);
        i = WorkflowEngine.CompleteStep(def, i, B, Mayor, null, T0).Ok();
        Assert.Equal(StepStatus.Ready, i.Step(C).Status);
    }

    // ---- gates ----

    [Fact]
    public void A_gate_with_unfinished_required_steps_lists_them()
    {
        var i = Complete(Start(), A, Coordinator, """{"count": 3}""").Ok();
        var e = WorkflowEngine.ApproveGate(_def, i, First, Mayor, [], T0).Fails(WorkflowErrorKind.GateConditionsUnmet);
        Assert.Equal(["step:b", "step:c"], e.UnmetConditions!.Select(u => u.ConditionId));
        Assert.Contains("step:b", e.Message);
        Assert.Contains("b", e.UnmetConditions![0].Message.En);
    }

    [Fact]
    public void Rule_failures_passed_in_block_the_gate_and_are_listed_after_the_steps()
    {
        var rule = new UnmetCondition("invitation.sector-missing", new LocalizedText("Falta el sector salud.", "The health sector is missing."));
        var i = Complete(Start(), A, Coordinator, """{"count": 3}""").Ok();
        var e = WorkflowEngine.ApproveGate(_def, i, First, Mayor, [rule], T0).Fails(WorkflowErrorKind.GateConditionsUnmet);
        Assert.Equal(["step:b", "step:c", "invitation.sector-missing"], e.UnmetConditions!.Select(u => u.ConditionId));

        i = FirstStageDone(Start());
        e = WorkflowEngine.ApproveGate(_def, i, First, Mayor, [rule], T0).Fails(WorkflowErrorKind.GateConditionsUnmet);
        Assert.Equal([rule], e.UnmetConditions);
    }

    [Fact]
    public void Optional_steps_do_not_block_the_gate()
    {
        var json = Minimal();
        StepAt(json, 0, 2)["required"] = false;
        var def = Read(json);
        Assert.False(def.FindStep(C)!.Required);
        var i = WorkflowEngine.Start(def, Utco, Coordinator, T0).Instance;
        var e = WorkflowEngine.ApproveGate(def, i, First, Mayor, [], T0).Fails(WorkflowErrorKind.GateConditionsUnmet);
        Assert.Equal(["step:a", "step:b"], e.UnmetConditions!.Select(u => u.ConditionId));
    }

    [Fact]
    public void A_gate_is_approved_only_by_its_role()
    {
        var i = FirstStageDone(Start());
        var e = WorkflowEngine.ApproveGate(_def, i, First, Coordinator, [], T0).Fails(WorkflowErrorKind.Forbidden);
        Assert.Contains("mayor", e.Message);
        WorkflowEngine.RejectGate(_def, i, First, Alderman, "no", T0).Fails(WorkflowErrorKind.Forbidden);
    }

    [Fact]
    public void Gates_of_unknown_or_pending_stages_cannot_be_decided()
    {
        var i = FirstStageDone(Start());
        WorkflowEngine.ApproveGate(_def, i, new StageId("ghost"), Mayor, [], T0).Fails(WorkflowErrorKind.NotFound);
        WorkflowEngine.ApproveGate(_def, i, Second, Mayor, [], T0).Fails(WorkflowErrorKind.NotReady);
        WorkflowEngine.RejectGate(_def, i, Second, Mayor, "no", T0).Fails(WorkflowErrorKind.NotReady);
    }

    [Fact]
    public void Approving_a_gate_activates_the_next_stage_from_now()
    {
        var i = FirstStageDone(Start());
        var at = T0.AddDays(20);
        var t = WorkflowEngine.ApproveGate(_def, i, First, Mayor, [], at);
        var next = t.Ok();

        Assert.Equal(StageStatus.Approved, next.Stage(First).Status);
        Assert.Equal(new Decision("mayor.utco", "mayor", at), next.Stage(First).Gate);
        Assert.Equal(StageStatus.Active, next.Stage(Second).Status);
        Assert.Equal(at, next.Stage(Second).StartedAt);
        Assert.Equal(at.AddDays(3), next.Step(D).DueAt);
        Assert.Null(next.Step(E).DueAt);
        Assert.Equal(StepStatus.Ready, next.Step(D).Status);
        Assert.Equal(StepStatus.Blocked, next.Step(E).Status);
        Assert.Equal(InstanceStatus.Running, next.Status);
        Assert.Equal(i.Version + 1, next.Version);
        Assert.Equal(at, next.UpdatedAt);

        var e = t.Entry!;
        Assert.Equal(("gate.approved", "first", "mayor.utco", "mayor", at), (e.Action, e.Target, e.By, e.Role, e.At));
        Assert.Equal(("open", "approved"), (e.Before, e.After));

        WorkflowEngine.ApproveGate(_def, next, First, Mayor, [], at).Fails(WorkflowErrorKind.NotReady);
        Complete(next, A, Coordinator, """{"count": 9}""").Fails(WorkflowErrorKind.NotReady);
    }

    [Fact]
    public void A_dependency_on_an_earlier_stage_is_already_met_when_the_stage_starts()
    {
        var json = Minimal();
        StepAt(json, 1, 0)["dependsOn"] = new JsonArray("c");
        var def = Read(json);
        var i = WorkflowEngine.Start(def, Utco, Coordinator, T0).Instance;
        i = WorkflowEngine.CompleteStep(def, i, A, Coordinator, Json("""{"count": 1}"""), T0).Ok();
        i = WorkflowEngine.CompleteStep(def, i, B, Mayor, null, T0).Ok();
        i = WorkflowEngine.CompleteStep(def, i, C, Alderman, null, T0).Ok();
        i = WorkflowEngine.ApproveGate(def, i, First, Mayor, [], T0).Ok();
        Assert.Equal(StepStatus.Ready, i.Step(D).Status);
    }

    [Fact]
    public void Approving_the_last_gate_completes_the_instance()
    {
        var i = WorkflowEngine.ApproveGate(_def, FirstStageDone(Start()), First, Mayor, [], T0.AddDays(1)).Ok();
        i = Complete(i, D, Coordinator, minutes: 60 * 24 * 2).Ok();
        i = Complete(i, E, Coordinator, minutes: 60 * 24 * 2).Ok();
        var end = T0.AddDays(3);
        var t = WorkflowEngine.ApproveGate(_def, i, Second, Mayor, [], end);
        i = t.Ok();

        Assert.Equal(InstanceStatus.Completed, i.Status);
        Assert.Equal(end, i.CompletedAt);
        Assert.All(i.Stages, s => Assert.Equal(StageStatus.Approved, s.Status));
        Assert.Equal("approved; process completed", t.Entry!.After);
        WorkflowEngine.ApproveGate(_def, i, Second, Mayor, [], end).Fails(WorkflowErrorKind.NotReady);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public void Rejecting_a_gate_needs_a_reason(string? reason)
    {
        var e = WorkflowEngine.RejectGate(_def, FirstStageDone(Start()), First, Mayor, reason, T0).Fails(WorkflowErrorKind.InvalidEvidence);
        Assert.True(e.FieldErrors!.ContainsKey("reason"));
    }

    [Fact]
    public void A_rejected_gate_keeps_the_stage_open_with_the_reason_and_can_be_approved_later()
    {
        var i = FirstStageDone(Start());
        var at = T0.AddDays(7);
        var t = WorkflowEngine.RejectGate(_def, i, First, Mayor, " Falta invitar al sector salud. ", at);
        var rejected = t.Ok();

        Assert.Equal(StageStatus.Active, rejected.Stage(First).Status);
        Assert.Null(rejected.Stage(First).Gate);
        Assert.Equal([new Decision("mayor.utco", "mayor", at, "Falta invitar al sector salud.")], rejected.Stage(First).GateRejections);
        Assert.Equal(StageStatus.Pending, rejected.Stage(Second).Status);
        Assert.Equal(i.Version + 1, rejected.Version);
        var e = t.Entry!;
        Assert.Equal(("gate.rejected", "first", "mayor.utco", "mayor", at), (e.Action, e.Target, e.By, e.Role, e.At));
        Assert.Equal(("open", "Falta invitar al sector salud."), (e.Before, e.Reason));
        Assert.Contains("rejected", e.After);

        // A rejection does not need the stage to be finished, and a second rejection is kept too.
        var twice = WorkflowEngine.RejectGate(_def, rejected, First, Mayor, "Otra vez", at.AddDays(1)).Ok();
        Assert.Equal(2, twice.Stage(First).GateRejections.Count);

        var approved = WorkflowEngine.ApproveGate(_def, twice, First, Mayor, [], at.AddDays(2)).Ok();
        Assert.Equal(StageStatus.Approved, approved.Stage(First).Status);
        Assert.Equal(2, approved.Stage(First).GateRejections.Count);
    }

    // ---- versions, audit and purity ----

    [Fact]
    public void Every_successful_transition_bumps_the_version_by_one()
    {
        var i = Start();
        var versions = new List<int> { i.Version };
        i = Complete(i, A, Coordinator, """{"count": 3}""").Ok(); versions.Add(i.Version);
        i = WorkflowEngine.RejectStep(_def, i, B, Mayor, "no", T0).Ok(); versions.Add(i.Version);
        i = Complete(i, B, Mayor).Ok(); versions.Add(i.Version);
        i = Complete(i, C, Alderman).Ok(); versions.Add(i.Version);
        i = WorkflowEngine.RejectGate(_def, i, First, Mayor, "no", T0).Ok(); versions.Add(i.Version);
        i = WorkflowEngine.ApproveGate(_def, i, First, Mayor, [], T0).Ok(); versions.Add(i.Version);
        Assert.Equal(Enumerable.Range(1, 7), versions);
    }

    public static TheoryData<string> Failures() => ["forbidden", "unknown", "blocked", "pending", "twice", "evidence", "reject-task",
        "reject-no-reason", "gate-unmet", "gate-rules", "gate-forbidden", "gate-pending", "gate-reject-no-reason"];

    [Theory]
    [MemberData(nameof(Failures))]
    public void A_failed_transition_leaves_the_instance_untouched(string failure)
    {
        var i = Complete(Start(), C, Alderman).Ok(); // version 2, c done, a ready, b blocked
        var before = Snapshot(i);
        var rule = new UnmetCondition("rule", new LocalizedText("x", "x"));

        var t = failure switch
        {
            "forbidden" => Complete(i, A, Mayor, """{"count": 3}"""),
            "unknown" => Complete(i, new StepId("zzz"), Coordinator),
            "blocked" => Complete(i, B, Mayor),
            "pending" => Complete(i, D, Coordinator),
            "twice" => Complete(i, C, Alderman),
            "evidence" => Complete(i, A, Coordinator, """{"count": -3}"""),
            "reject-task" => WorkflowEngine.RejectStep(_def, i, A, Coordinator, "no", T0),
            "reject-no-reason" => WorkflowEngine.RejectStep(_def, Complete(i, A, Coordinator, """{"count":1}""").Ok(), B, Mayor, "", T0),
            "gate-unmet" => WorkflowEngine.ApproveGate(_def, i, First, Mayor, [], T0),
            "gate-rules" => WorkflowEngine.ApproveGate(_def, i, First, Mayor, [rule], T0),
            "gate-forbidden" => WorkflowEngine.ApproveGate(_def, i, First, Alderman, [], T0),
            "gate-pending" => WorkflowEngine.ApproveGate(_def, i, Second, Mayor, [], T0),
            "gate-reject-no-reason" => WorkflowEngine.RejectGate(_def, i, First, Mayor, null, T0),
            _ => throw new ArgumentOutOfRangeException(nameof(failure)),
        };

        Assert.False(t.Succeeded);
        Assert.Equal(2, i.Version);
        Assert.Equal(StepStatus.Ready, i.Step(A).Status);
        Assert.Equal(before, Snapshot(i));
    }

    [Fact]
    public void A_successful_transition_returns_a_new_instance_and_leaves_the_input_untouched()
    {
        var i = FirstStageDone(Start());
        var before = Snapshot(i);
        var next = WorkflowEngine.ApproveGate(_def, i, First, Mayor, [], T0.AddDays(1)).Ok();
        Assert.NotSame(i, next);
        Assert.Equal(before, Snapshot(i));
        Assert.Equal(StageStatus.Active, i.Stage(First).Status);

        // Changing the new state's evidence must not reach back into the old one.
        next.Step(A).Evidence!["count"] = 99;
        Assert.Equal("""{"count":3}""", i.Step(A).Evidence!.ToJsonString());
    }
}
