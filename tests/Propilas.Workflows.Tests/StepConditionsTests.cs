using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Propilas.Workflows.Definitions;
using Propilas.Workflows.Runtime;
using Propilas.Workflows.Tests.Support;
using static Propilas.Workflows.Tests.Support.Actors;
using static Propilas.Workflows.Tests.Support.Defs;

namespace Propilas.Workflows.Tests;

/// <summary>Steps with <c>conditions</c>: read from the definition, checked on the state the completion would leave.</summary>
public class StepConditionsTests
{
    private static readonly DefinitionId Flow = new("test-flow");
    private static readonly SubjectKey Utco = new("district:utco");
    private static readonly StepId A = new("a"), C = new("c");
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 3, 14, 0, 0, TimeSpan.Zero));
    private readonly InMemoryWorkflowStore _store = new();
    private readonly StepEvaluator _conditions = new();

    /// <summary>The minimal flow with step "a" (evidence count) guarded by "count.too-low".</summary>
    private static WorkflowDefinition Guarded()
    {
        var def = Minimal();
        StepAt(def, 0, 0)["conditions"] = new JsonArray("count.too-low");
        return Read(def);
    }

    private WorkflowRuntime Runtime() => new(new DefinitionCatalog([Guarded()]), _store, _conditions, _time);

    private async Task<WorkflowInstance> Load() => (await _store.FindAsync(Flow, Utco, None))!;

    [Fact]
    public void Conditions_are_read_from_the_step_and_default_to_none()
    {
        var d = Guarded();
        Assert.Equal(["count.too-low"], d.FindStep(A)!.Conditions);
        Assert.Empty(d.FindStep(C)!.Conditions);
        Assert.Empty(MinimalDefinition().Stages.SelectMany(s => s.Steps).SelectMany(s => s.Conditions));
    }

    [Theory]
    [InlineData("""["x.y", "x.y"]""", "$.stages[0].steps[0].conditions", "condition 'x.y' listed twice")]
    [InlineData("""["x.y", ""]""", "$.stages[0].steps[0].conditions[1]", "must be a non-empty string")]
    [InlineData("\"x.y\"", "$.stages[0].steps[0].conditions", "must be a list of strings")]
    public void Malformed_step_conditions_are_reported_with_their_path(string conditions, string path, string what)
    {
        var def = Minimal();
        StepAt(def, 0, 0)["conditions"] = JsonNode.Parse(conditions);

        var e = Assert.Throws<WorkflowDefinitionException>(() => Read(def));

        Assert.Contains(e.Errors, x => x.Path == path && x.Message.Contains(what, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Unmet_step_conditions_refuse_the_completion_and_nothing_is_stored()
    {
        var rt = Runtime();
        await rt.StartAsync(Flow, Utco, Coordinator, None);
        var before = Snapshot(await Load());
        _conditions.Unmet = i => Count(i) < 3 ? [new UnmetCondition("count.too-low", new LocalizedText("Pocos.", "Too few."))] : [];

        var e = (await rt.CompleteStepAsync(await Load(), A, Coordinator, Json("""{"count": 2}"""), null, None))
            .Fails(WorkflowErrorKind.StepConditionsUnmet);

        Assert.Equal(["count.too-low"], e.UnmetConditions!.Select(u => u.ConditionId));
        Assert.Contains("count.too-low", e.Message);
        Assert.Equal(before, Snapshot(await Load()));
        Assert.Single(_store.Audit); // the start only
    }

    [Fact]
    public async Task Conditions_see_the_evidence_being_recorded_so_a_corrected_value_passes()
    {
        var rt = Runtime();
        await rt.StartAsync(Flow, Utco, Coordinator, None);
        _conditions.Unmet = i => Count(i) < 3 ? [new UnmetCondition("count.too-low", new LocalizedText("Pocos.", "Too few."))] : [];

        (await rt.CompleteStepAsync(await Load(), A, Coordinator, Json("""{"count": 2}"""), null, None)).Fails(WorkflowErrorKind.StepConditionsUnmet);
        var done = (await rt.CompleteStepAsync(await Load(), A, Coordinator, Json("""{"count": 3}"""), null, None)).Ok();

        Assert.Equal(StepStatus.Done, done.Step(A).Status);
        var asked = _conditions.Calls[^1];
        Assert.Equal(A, asked.Step!.Id);
        Assert.Equal(["count.too-low"], asked.Conditions);
        Assert.Equal("first", asked.Stage.Id.Value);
        Assert.Equal(StepStatus.Done, asked.Instance.Step(A).Status); // the state the completion leaves
        Assert.Equal(3, Count(asked.Instance));
    }

    [Fact]
    public async Task Steps_without_conditions_and_invalid_evidence_never_reach_the_evaluator()
    {
        var rt = Runtime();
        await rt.StartAsync(Flow, Utco, Coordinator, None);
        _conditions.Unmet = _ => [new UnmetCondition("always", new LocalizedText("No.", "No."))];

        (await rt.CompleteStepAsync(await Load(), C, Alderman, null, null, None)).Ok();
        (await rt.CompleteStepAsync(await Load(), A, Coordinator, Json("""{"count": "two"}"""), null, None)).Fails(WorkflowErrorKind.InvalidEvidence);

        Assert.Empty(_conditions.Calls);
    }

    [Fact]
    public async Task A_gate_is_still_asked_about_its_own_conditions()
    {
        var def = Minimal();
        StageAt(def, 0)["gate"]!["conditions"] = new JsonArray("gate.rule");
        var rt = new WorkflowRuntime(new DefinitionCatalog([Read(def)]), _store, _conditions, _time);
        var i = await rt.StartAsync(Flow, Utco, Coordinator, None);

        await rt.GateBlockersAsync(i, rt.DefinitionOf(i).Stages[0], None);

        var asked = Assert.Single(_conditions.Calls);
        Assert.Null(asked.Step);
        Assert.Equal(["gate.rule"], asked.Conditions);
    }

    private static long Count(WorkflowInstance i) => i.Step(A).Evidence?["count"]?.GetValue<long>() ?? 0;

    private sealed class StepEvaluator : IGateConditionEvaluator
    {
        public Func<WorkflowInstance, IReadOnlyList<UnmetCondition>> Unmet { get; set; } = _ => [];
        public List<GateContext> Calls { get; } = [];

        public ValueTask<IReadOnlyList<UnmetCondition>> EvaluateAsync(GateContext context, CancellationToken ct)
        {
            Calls.Add(context);
            return ValueTask.FromResult(context.Step is null ? [] : Unmet(context.Instance));
        }
    }
}
