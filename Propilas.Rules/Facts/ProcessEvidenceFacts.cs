using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Propilas.Rules.Facts;

/// <summary>
/// The evidence recorded so far in one workflow instance, by step id and field name, for rules of any definition:
/// <c>process.Number("engineering-design", "initialInvestment")</c>, <c>process.Count("committee", "votingMembers")</c>.
/// Reading a step or field that has nothing recorded gives 0, "", false or an empty count, never an error, so a rule
/// names what it needs with <see cref="Has"/> or <see cref="Done"/> where absence matters.
/// </summary>
public sealed class ProcessEvidenceFacts : IRuleFact
{
    private readonly IReadOnlyDictionary<string, RecordedStep> _steps;

    /// <param name="subject">The instance's subject, e.g. <c>project:san-juan:1</c>.</param>
    /// <param name="definitionId">The definition the instance runs, e.g. <c>community-water-project</c>.</param>
    public ProcessEvidenceFacts(string subject, string definitionId, IEnumerable<RecordedStep> steps)
    {
        InstanceSubject = subject;
        DefinitionId = definitionId;
        _steps = steps.ToDictionary(s => s.StepId, StringComparer.Ordinal);
    }

    public string InstanceSubject { get; }
    public string DefinitionId { get; }

    public RuleSubject Subject => new("process", InstanceSubject);

    /// <summary>Whether the step is done (a task) or approved (an approval).</summary>
    public bool Done(string step) => _steps.TryGetValue(step, out var s) && s.Done;

    /// <summary>Whether the field has a value recorded (a list counts when it has at least one item).</summary>
    public bool Has(string step, string field) => Value(step, field) switch
    {
        null => false,
        JsonArray list => list.Count > 0,
        _ => true,
    };

    /// <summary>A number field, or 0.</summary>
    public decimal Number(string step, string field) =>
        Value(step, field) is JsonValue v && v.GetValueKind() == JsonValueKind.Number
            ? decimal.Parse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture)
            : 0m;

    /// <summary>Items of a list field; 1 for any other recorded value; 0 when nothing is recorded.</summary>
    public int Count(string step, string field) => Value(step, field) switch
    {
        null => 0,
        JsonArray list => list.Count,
        _ => 1,
    };

    /// <summary>A text or date field (dates as yyyy-MM-dd), or "".</summary>
    public string Text(string step, string field) =>
        Value(step, field) is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : "";

    /// <summary>A yes/no field; false when not recorded.</summary>
    public bool Flag(string step, string field) =>
        Value(step, field) is JsonValue v && v.GetValueKind() == JsonValueKind.True;

    private JsonNode? Value(string step, string field) =>
        _steps.TryGetValue(step, out var s) && s.Evidence is { } evidence && evidence.TryGetPropertyValue(field, out var value) ? value : null;
}

/// <summary>One step of an instance: whether it is done and the evidence recorded with it.</summary>
public sealed record RecordedStep(string StepId, bool Done, JsonObject? Evidence);
