using System.Text.Json;
using Propilas.Rules.Obligations;
using Propilas.Workflows;
using Propilas.Workflows.Definitions;
using Propilas.Workflows.Runtime;

namespace Propilas.Host.Obligations;

/// <summary>
/// When each phase's obligations fall due, read from the workflow's timeline as <c>obligation-due-dates.json</c> says:
/// the due date of a step, the due date of a stage's gate (when its longest step is due), or a number of days after the
/// process completed. A stage that has not started yet is projected to start when the previous gate is due.
/// </summary>
public sealed class ObligationDueDates
{
    public const string FileName = "obligation-due-dates.json";

    private static readonly Dictionary<string, ObligationPhase> PhaseNames = new()
    {
        ["diagnosis"] = ObligationPhase.Diagnosis,
        ["planning"] = ObligationPhase.Planning,
        ["execution"] = ObligationPhase.Execution,
        ["postExecution"] = ObligationPhase.PostExecution,
    };

    private readonly IReadOnlyDictionary<ObligationPhase, DueRule> _rules;

    private ObligationDueDates(IReadOnlyDictionary<ObligationPhase, DueRule> rules) => _rules = rules;

    /// <summary>One phase's rule: exactly one of the three is set.</summary>
    public sealed record DueRule(StepId? Step, StageId? Gate, int? DaysAfterCompletion);

    /// <exception cref="InvalidDataException">The file is missing or malformed, naming the file and the phase.</exception>
    public static ObligationDueDates Load(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path)) throw new InvalidDataException($"{FileName}: not found in {folder}");
        using var json = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        if (!json.RootElement.TryGetProperty("phases", out var phases) || phases.ValueKind != JsonValueKind.Object)
            throw new InvalidDataException($"{FileName}: needs an object \"phases\"");

        var rules = new Dictionary<ObligationPhase, DueRule>();
        foreach (var property in phases.EnumerateObject())
        {
            if (!PhaseNames.TryGetValue(property.Name, out var phase))
                throw new InvalidDataException($"{FileName}: unknown phase '{property.Name}' (known: {string.Join(", ", PhaseNames.Keys)})");
            rules[phase] = ReadRule(property.Name, phase, property.Value);
        }
        var missing = PhaseNames.Where(p => !rules.ContainsKey(p.Value)).Select(p => p.Key).ToList();
        if (missing.Count > 0) throw new InvalidDataException($"{FileName}: no due date rule for phase {string.Join(", ", missing)}");
        return new ObligationDueDates(rules);
    }

    private static DueRule ReadRule(string name, ObligationPhase phase, JsonElement value)
    {
        string? Text(string key) => value.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var step = Text("step");
        var gate = Text("gate");
        int? days = value.TryGetProperty("daysAfterCompletion", out var d) && d.ValueKind == JsonValueKind.Number && d.TryGetInt32(out var n) ? n : null;
        if (value.ValueKind != JsonValueKind.Object || new object?[] { step, gate, days }.Count(x => x is not null) != 1)
            throw new InvalidDataException($"{FileName} phase '{name}': give exactly one of \"step\", \"gate\" or \"daysAfterCompletion\" (a whole number)");
        if (days < 0) throw new InvalidDataException($"{FileName} phase '{name}': daysAfterCompletion must not be negative");
        if (days is not null && phase is ObligationPhase.Diagnosis or ObligationPhase.Planning)
            throw new InvalidDataException($"{FileName} phase '{name}': its obligations apply before the process completes, so they cannot fall due after completion");
        return new DueRule(step is null ? null : new StepId(step), gate is null ? null : new StageId(gate), days);
    }

    /// <summary>Every step and stage the file names must exist in the definition.</summary>
    public void CheckAgainst(WorkflowDefinition definition)
    {
        foreach (var (phase, rule) in _rules)
        {
            if (rule.Step is { } step && definition.FindStep(step) is null)
                throw new InvalidOperationException($"{FileName} phase {phase}: step '{step}' is not in {definition}");
            if (rule.Gate is { } stage && definition.FindStage(stage) is null)
                throw new InvalidOperationException($"{FileName} phase {phase}: stage '{stage}' is not in {definition}");
        }
    }

    /// <summary>The due date of each phase asked for, from the instance's timeline.</summary>
    public IReadOnlyDictionary<ObligationPhase, DateOnly> For(WorkflowDefinition definition, WorkflowInstance instance, IEnumerable<ObligationPhase> phases)
    {
        CheckAgainst(definition);
        var timeline = new Timeline(definition, instance);
        return phases.ToDictionary(p => p, p => _rules[p] switch
        {
            { Step: { } step } => timeline.StepDue(step),
            { Gate: { } stage } => timeline.GateDue(stage),
            { DaysAfterCompletion: { } days } => Day(instance.CompletedAt
                ?? throw new InvalidOperationException($"{FileName} phase {p}: the process of {instance.Subject} has not completed")).AddDays(days),
            _ => throw new InvalidOperationException($"{FileName} phase {p}: no rule"),
        });
    }

    private static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);

    /// <summary>Actual stage starts and step due dates where the instance has them; projected from the definition's dueDays where not.</summary>
    private sealed class Timeline(WorkflowDefinition definition, WorkflowInstance instance)
    {
        public DateOnly StepDue(StepId step)
        {
            if (instance.Stages.SelectMany(s => s.Steps).FirstOrDefault(s => s.Id == step.Value)?.DueAt is { } due) return Day(due);
            return StageStart(IndexOf(definition.StageOf(step).Id)).AddDays(definition.FindStep(step)!.DueDays ?? 0);
        }

        public DateOnly GateDue(StageId stage) => GateDue(IndexOf(stage));

        private DateOnly GateDue(int index) =>
            StageStart(index).AddDays(definition.Stages[index].Steps.Select(s => s.DueDays ?? 0).DefaultIfEmpty(0).Max());

        private DateOnly StageStart(int index)
        {
            var state = instance.Stages.FirstOrDefault(s => s.Id == definition.Stages[index].Id.Value);
            if (state?.StartedAt is { } started) return Day(started);
            return index == 0 ? Day(instance.CreatedAt) : GateDue(index - 1);
        }

        private int IndexOf(StageId stage) => definition.Stages.Select((s, i) => (s, i)).First(x => x.s.Id == stage).i;
    }
}
