using System.Globalization;
using System.Text.Json;
using Propilas.Host.Pages.Localization;
using Propilas.Workflows;
using Propilas.Workflows.Definitions;
using Propilas.Workflows.Runtime;

namespace Propilas.Host.Process;

/// <summary>
/// The dates of a council resolution that make no sense are refused, naming the field: the council passes it after its
/// step became ready (so it is not dated before that day) and it is recorded once passed (so it is not dated after today).
/// Days are Peru's. The instance does not record when a step became ready; it is the later of its stage's start (the
/// approval of the previous gate, or the start of the process) and the completion of the steps it waits for.
/// </summary>
public static class ResolutionDates
{
    public const string Step = "council-resolution";
    private static readonly string[] Fields = ["resolutionDate", "sessionDate"];

    /// <summary>A date refused: before <see cref="Limit"/> (the day the step became ready) or, when <see cref="Future"/>, after it (today).</summary>
    public sealed record Refusal(string Field, bool Future, DateOnly Limit)
    {
        public string Key => "evidence." + Field;

        /// <summary>For the API, in English as the engine's field messages are.</summary>
        public string Message => Future
            ? $"must not be after today ({Iso(Limit)}): a resolution already passed is not dated in the future"
            : $"must not be before {Iso(Limit)}, the day this step became ready";
    }

    /// <summary>The dates of a council resolution's evidence that are before its step became ready or after today; none for any other step.</summary>
    public static IReadOnlyList<Refusal> Check(WorkflowDefinition definition, WorkflowInstance instance, StepId step, JsonElement? evidence, DateTimeOffset now)
    {
        if (step.Value != Step || definition.FindStep(step) is not { } defined || evidence is not { ValueKind: JsonValueKind.Object } given
            || ReadySince(definition, instance, defined) is not { } ready) return [];
        var earliest = Dates.InPeru(ready);
        var today = Dates.InPeru(now);
        var refused = new List<Refusal>();
        foreach (var field in Fields)
        {
            if (!given.TryGetProperty(field, out var value) || value.ValueKind != JsonValueKind.String
                || !DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) continue;
            if (day < earliest) refused.Add(new Refusal(field, Future: false, earliest));
            else if (day > today) refused.Add(new Refusal(field, Future: true, today));
        }
        return refused;
    }

    /// <summary>
    /// Completes a step as <see cref="WorkflowRuntime.CompleteStepAsync"/> does, refusing first a council resolution's dates that
    /// make no sense (with the evidence's other problems, so one answer names them all). A stale version, a person who may not
    /// act or a step not ready are answered as the runtime answers them.
    /// </summary>
    public static Task<Transition> CompleteCheckingDatesAsync(this WorkflowRuntime runtime, WorkflowInstance instance, StepId step, Actor actor,
        JsonElement? evidence, int? expectedVersion, DateTimeOffset now, CancellationToken ct)
    {
        var definition = runtime.DefinitionOf(instance);
        if ((expectedVersion ?? instance.Version) == instance.Version && Check(definition, instance, step, evidence, now) is { Count: > 0 } refused)
        {
            var trial = WorkflowEngine.CompleteStep(definition, instance, step, actor, evidence, now); // pure: nothing is written
            if (trial.Succeeded || trial.Error!.Kind == WorkflowErrorKind.InvalidEvidence)
            {
                var errors = new Dictionary<string, string[]>(trial.Error?.FieldErrors ?? new Dictionary<string, string[]>());
                foreach (var r in refused) errors[r.Key] = [r.Message];
                return Task.FromResult(Transition.Fail(new WorkflowError(WorkflowErrorKind.InvalidEvidence,
                    $"The evidence for step '{step}' has dates that cannot be right.", errors)));
            }
        }
        return runtime.CompleteStepAsync(instance, step, actor, evidence, expectedVersion, ct);
    }

    private static DateTimeOffset? ReadySince(WorkflowDefinition definition, WorkflowInstance instance, StepDefinition step)
    {
        var started = instance.Stage(definition.StageOf(step.Id).Id).StartedAt;
        if (started is null) return null;
        var waitedFor = step.DependsOn.Select(d => instance.Step(d).Outcome?.At).Where(at => at is not null).Select(at => at!.Value);
        return waitedFor.Append(started.Value).Max();
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
