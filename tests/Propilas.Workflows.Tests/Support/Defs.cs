using System.Text.Json;
using System.Text.Json.Nodes;
using Propilas.Workflows.Definitions;

namespace Propilas.Workflows.Tests.Support;

/// <summary>Small inline definitions to mutate, and the real PROPILAS file.</summary>
public static class Defs
{
    public const string File = "test-flow.json";

    public static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "workflows");
    public static readonly string PropilasFile = Path.Combine(Folder, "propilas-strategic-plan.json");

    private static readonly Lazy<WorkflowDefinition> _plan = new(() => DefinitionReader.ReadFile(PropilasFile));
    public static WorkflowDefinition Plan => _plan.Value;

    public static JsonObject Text(string s) => new() { ["es"] = s + " (es)", ["en"] = s };

    public static JsonObject Step(string id, string role = "coordinator", string kind = "task", int? dueDays = null,
        string[]? dependsOn = null, JsonArray? evidence = null, bool? required = null)
    {
        var step = new JsonObject { ["id"] = id, ["name"] = Text(id), ["kind"] = kind, ["role"] = role };
        if (dueDays is { } d) step["dueDays"] = d;
        if (dependsOn is not null) step["dependsOn"] = new JsonArray(dependsOn.Select(x => (JsonNode)x!).ToArray());
        if (evidence is not null) step["evidence"] = evidence;
        if (required is { } r) step["required"] = r;
        return step;
    }

    public static JsonObject Field(string name, string type, bool required = false) =>
        new() { ["name"] = name, ["type"] = type, ["required"] = required, ["label"] = Text(name) };

    public static JsonObject Stage(string id, params JsonObject[] steps) => new()
    {
        ["id"] = id,
        ["name"] = Text(id),
        ["steps"] = new JsonArray(steps.Cast<JsonNode>().ToArray()),
        ["gate"] = new JsonObject { ["approverRole"] = "mayor" },
    };

    /// <summary>
    /// A valid two-stage definition. Stage "first": task "a" (coordinator, dueDays 5, evidence count:integer required),
    /// approval "b" (mayor, depends on a, dueDays 10), task "c" (alderman, no dependencies). Stage "second": task "d"
    /// (coordinator, dueDays 3), task "e" (coordinator, depends on d). Every gate approved by the mayor.
    /// </summary>
    public static JsonObject Minimal(string id = "test-flow", int version = 1) => new()
    {
        ["id"] = id,
        ["version"] = version,
        ["name"] = Text("Test flow"),
        ["roles"] = new JsonArray("coordinator", "mayor", "alderman"),
        ["stages"] = new JsonArray(
            Stage("first",
                Step("a", dueDays: 5, evidence: new JsonArray(Field("count", "integer", required: true))),
                Step("b", role: "mayor", kind: "approval", dueDays: 10, dependsOn: ["a"]),
                Step("c", role: "alderman")),
            Stage("second",
                Step("d", dueDays: 3),
                Step("e", dependsOn: ["d"]))),
    };

    public static WorkflowDefinition Read(JsonNode json, string file = File) => DefinitionReader.Read(json.ToJsonString(), file);

    public static WorkflowDefinition MinimalDefinition(int version = 1) => Read(Minimal(version: version));

    public static JsonObject StepAt(JsonObject def, int stage, int step) => def["stages"]![stage]!["steps"]![step]!.AsObject();

    public static JsonObject StageAt(JsonObject def, int stage) => def["stages"]![stage]!.AsObject();

    public static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    /// <summary>A valid value for every field (required and optional), as a JSON object.</summary>
    public static JsonElement ValidEvidence(StepDefinition step)
    {
        var o = new JsonObject();
        foreach (var f in step.Evidence)
            o[f.Name] = f.Type switch
            {
                EvidenceType.Text => $"{f.Name} of {step.Id}",
                EvidenceType.Integer => 12,
                EvidenceType.Decimal => 1500.50m,
                EvidenceType.Date => "2005-03-14",
                EvidenceType.Boolean => true,
                EvidenceType.TextList => new JsonArray("Municipalidad", "JASS"),
                EvidenceType.DateList => new JsonArray("2005-03-14", "2005-03-15"),
                _ => throw new ArgumentOutOfRangeException(nameof(f)),
            };
        return Json(o.ToJsonString());
    }
}
