using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Propilas.Host.Districts;
using Propilas.Workflows;
using Propilas.Workflows.Runtime;

namespace Propilas.Host.Seed;

/// <summary>
/// Plays a scripted history (<c>Seed/data/pilot-history.json</c>) through the runtime, back-dated, so seeded
/// districts have real, audited state rather than rows written by hand.
/// </summary>
public sealed partial class HistorySeeder(IWorkflowStore store, Propilas.Host.Process.CatalogHolder catalog, IGateConditionEvaluator gates)
{
    public async Task SeedAsync(string scriptPath, IReadOnlyCollection<DistrictSlug> districts, CancellationToken ct)
    {
        var script = JsonNode.Parse(File.ReadAllText(scriptPath))!.AsObject();
        var definition = catalog.Catalog.Latest(new DefinitionId((string)script["definition"]!));
        var clock = new SeedClock();
        var runtime = new WorkflowRuntime(catalog.Catalog, store, gates, clock);
        foreach (var plan in script["districts"]!.AsArray().Select(n => n!.AsObject()))
        {
            var slug = DistrictSlug.From((string)plan["slug"]!);
            if (!districts.Contains(slug)) continue;
            var start = DateOnly.ParseExact((string)plan["start"]!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var until = (string?)plan["until"];
            var values = plan["values"]?.AsObject() ?? [];
            clock.Now = At(start, 0);
            var instance = await runtime.StartAsync(definition.Id, slug.Subject, Actor.Of("coordinator", "coordinator"), ct);

            foreach (var op in script["operations"]!.AsArray().Select(n => n!.AsObject()))
            {
                if (until is not null && until == ((string?)op["step"] ?? (string?)op["gate"])) break;
                clock.Now = At(start, (int)op["day"]!);
                Transition result;
                if (op["step"] is { } step)
                {
                    var stepId = new StepId((string)step!);
                    var role = definition.FindStep(stepId)!.Role;
                    var evidence = Fill(op["evidence"], start, values);
                    result = await runtime.CompleteStepAsync(instance, stepId, Person(role, slug), JsonSerializer.SerializeToElement(evidence), null, ct);
                }
                else
                {
                    var stageId = new StageId((string)op["gate"]!);
                    result = await runtime.ApproveGateAsync(instance, stageId, Person(definition.FindStage(stageId)!.Gate.ApproverRole, slug), null, ct);
                }
                if (!result.Succeeded)
                    throw new InvalidOperationException($"Seed history for {slug} failed at {op.ToJsonString()}: {result.Error!.Message}");
                instance = result.Instance!;
            }
        }
    }

    private static Actor Person(string role, DistrictSlug slug) => Actor.Of(role == "coordinator" ? role : $"{role}.{slug}", role);

    private static DateTimeOffset At(DateOnly start, int day) => new(start.AddDays(day).ToDateTime(new TimeOnly(15, 0)), TimeSpan.Zero);

    /// <summary>Replaces <c>{date:N}</c> with a date and a whole-string <c>{name}</c> with the district's value.</summary>
    private static JsonNode? Fill(JsonNode? node, DateOnly start, JsonObject values) => node switch
    {
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, Fill(p.Value, start, values)))),
        JsonArray a => new JsonArray(a.Select(i => Fill(i, start, values)).ToArray()),
        JsonValue v when v.TryGetValue<string>(out var s) && DatePlaceholder().Match(s) is { Success: true } m =>
            JsonValue.Create(start.AddDays(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        JsonValue v when v.TryGetValue<string>(out var s) && ValuePlaceholder().Match(s) is { Success: true } m =>
            values[m.Groups[1].Value]?.DeepClone() ?? throw new InvalidOperationException($"Seed history: no value '{m.Groups[1].Value}'."),
        _ => node?.DeepClone(),
    };

    [GeneratedRegex(@"^\{date:(-?\d+)\}$")]
    private static partial Regex DatePlaceholder();

    [GeneratedRegex(@"^\{([a-zA-Z]+)\}$")]
    private static partial Regex ValuePlaceholder();

    private sealed class SeedClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; }

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
