using Propilas.Workflows.Definitions;
using Propilas.Workflows.Runtime;
using Propilas.Workflows.Tests.Support;
using static Propilas.Workflows.Tests.Support.Actors;
using static Propilas.Workflows.Tests.Support.Defs;

namespace Propilas.Workflows.Tests;

/// <summary>The whole PROPILAS planning process, from start to the council resolution.</summary>
public class PropilasEndToEndTests
{
    private static readonly DateTimeOffset Start = new(2005, 1, 10, 9, 0, 0, TimeSpan.FromHours(-5));
    private static readonly SubjectKey Utco = new("district:utco");

    [Fact]
    public void Every_step_with_valid_evidence_and_the_three_gates_complete_the_process()
    {
        var plan = Plan;
        var (i, _) = WorkflowEngine.Start(plan, Utco, Coordinator, Start);
        var now = Start;
        var audit = new List<AuditEntry>();
        var order = new List<string>();

        foreach (var stage in plan.Stages)
        {
            Assert.Equal(StageStatus.Active, i.Stage(stage.Id).Status);
            Assert.Equal(now, i.Stage(stage.Id).StartedAt);
            Assert.All(stage.Steps, s => Assert.Equal(s.DueDays is { } d ? now.AddDays(d) : null, i.Step(s.Id).DueAt));

            // Complete whatever is ready until the stage is done; blocked steps must wait their turn.
            while (stage.Steps.FirstOrDefault(s => i.Step(s.Id).Status == StepStatus.Ready) is { } step)
            {
                foreach (var dep in step.DependsOn) Assert.Contains(dep.Value, order);
                now = now.AddDays(1);
                var t = WorkflowEngine.CompleteStep(plan, i, step.Id, For(step.Role), ValidEvidence(step), now);
                var version = i.Version;
                i = t.Ok();
                Assert.Equal(version + 1, i.Version);
                audit.Add(t.Entry!);
                order.Add(step.Id.Value);
            }
            Assert.All(stage.Steps, s => Assert.Contains(i.Step(s.Id).Status, new[] { StepStatus.Done, StepStatus.Approved }));

            now = now.AddDays(1);
            var gate = WorkflowEngine.ApproveGate(plan, i, stage.Id, Mayor, [], now);
            i = gate.Ok();
            audit.Add(gate.Entry!);
            Assert.Equal(StageStatus.Approved, i.Stage(stage.Id).Status);
        }

        var steps = plan.Stages.SelectMany(s => s.Steps).ToList();
        Assert.Equal(steps.Select(s => s.Id.Value).Order(), order.Order());
        Assert.True(order.IndexOf("induction") < order.IndexOf("stakeholder-invitations"));
        Assert.True(order.IndexOf("induction") < order.IndexOf("mayor-support"));
        Assert.True(order.IndexOf("investment-plan") < order.IndexOf("plan-document"));

        Assert.Equal(InstanceStatus.Completed, i.Status);
        Assert.Equal(now, i.CompletedAt);
        Assert.Equal(1 + steps.Count + 3, i.Version);
        Assert.Equal(StepStatus.Approved, i.Step(new StepId("council-resolution")).Status);
        Assert.Equal(StepStatus.Approved, i.Step(new StepId("mayor-support")).Status);
        Assert.Equal("mayor", audit.Single(e => e.Target == "council-resolution").Role);
        Assert.NotNull(i.Step(new StepId("council-resolution")).Evidence!["resolutionNumber"]);
        Assert.Equal(3, audit.Count(e => e.Action == "gate.approved"));
        Assert.Equal("approved; process completed", audit[^1].After);
    }

    [Fact]
    public async Task The_process_runs_through_the_runtime_and_store_as_well()
    {
        var store = new InMemoryWorkflowStore();
        var rt = new WorkflowRuntime(new DefinitionCatalog(DefinitionCatalog.ReadFolder(Folder)), store, new NoGateConditions(), TimeProvider.System);
        var id = new DefinitionId("propilas-strategic-plan");
        var i = await rt.StartAsync(id, Utco, Coordinator, CancellationToken.None);
        var plan = rt.DefinitionOf(i);

        foreach (var stage in plan.Stages)
        {
            while (stage.Steps.FirstOrDefault(s => i.Step(s.Id).Status == StepStatus.Ready) is { } step)
                i = (await rt.CompleteStepAsync(i, step.Id, For(step.Role), ValidEvidence(step), i.Version, CancellationToken.None)).Ok();
            i = (await rt.ApproveGateAsync(i, stage.Id, Mayor, i.Version, CancellationToken.None)).Ok();
        }

        var stored = (await rt.FindAsync(id, Utco, CancellationToken.None))!;
        Assert.Equal(InstanceStatus.Completed, stored.Status);
        Assert.Equal(Snapshot(i), Snapshot(stored));
        Assert.Equal(stored.Version, store.Audit.Count); // one audit entry per transition, start included
    }

    [Fact]
    public void Stakeholder_invitations_wait_for_the_induction()
    {
        var plan = Plan;
        var i = WorkflowEngine.Start(plan, Utco, Coordinator, Start).Instance;
        var invitations = new StepId("stakeholder-invitations");
        Assert.Equal(StepStatus.Blocked, i.Step(invitations).Status);
        var e = WorkflowEngine.CompleteStep(plan, i, invitations, Alderman, Json("""{"invitationsSent": 20}"""), Start).Fails(WorkflowErrorKind.NotReady);
        Assert.Contains("induction", e.Message);

        i = WorkflowEngine.CompleteStep(plan, i, new StepId("induction"), Coordinator,
            Json("""{"meetingDates": ["2005-01-12"], "mayorAttended": true, "aldermenAttended": 4, "officialsAttended": 3}"""), Start).Ok();
        Assert.Equal(StepStatus.Ready, i.Step(invitations).Status);
        WorkflowEngine.CompleteStep(plan, i, invitations, Alderman, Json("""{"invitationsSent": 20}"""), Start).Ok();
    }

    [Fact]
    public void Only_the_mayor_records_the_council_resolution()
    {
        var plan = Plan;
        var i = WorkflowEngine.Start(plan, Utco, Coordinator, Start).Instance;
        foreach (var stage in plan.Stages.Take(2))
        {
            while (stage.Steps.FirstOrDefault(s => i.Step(s.Id).Status == StepStatus.Ready) is { } step)
                i = WorkflowEngine.CompleteStep(plan, i, step.Id, For(step.Role), ValidEvidence(step), Start).Ok();
            i = WorkflowEngine.ApproveGate(plan, i, stage.Id, Mayor, [], Start).Ok();
        }
        i = WorkflowEngine.CompleteStep(plan, i, new StepId("plan-presentation"), Coordinator, Json("""{"presentedOn": "2005-06-01"}"""), Start).Ok();

        var resolution = new StepId("council-resolution");
        var evidence = Json("""{"resolutionNumber": "045-2005-MDU", "resolutionDate": "2005-06-30"}""");
        WorkflowEngine.CompleteStep(plan, i, resolution, Coordinator, evidence, Start).Fails(WorkflowErrorKind.Forbidden);
        WorkflowEngine.CompleteStep(plan, i, resolution, Alderman, evidence, Start).Fails(WorkflowErrorKind.Forbidden);
        var missing = WorkflowEngine.CompleteStep(plan, i, resolution, Mayor, Json("""{"resolutionNumber": "045-2005-MDU"}"""), Start)
            .Fails(WorkflowErrorKind.InvalidEvidence);
        Assert.Equal(["evidence.resolutionDate"], missing.FieldErrors!.Keys);
        i = WorkflowEngine.CompleteStep(plan, i, resolution, Mayor, evidence, Start).Ok();
        Assert.Equal(StepStatus.Approved, i.Step(resolution).Status);
    }
}
