using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Propilas.Workflows.Definitions;

namespace Propilas.Workflows.Runtime;

/// <summary>Checks evidence against a step's fields and returns it normalised (dates as yyyy-MM-dd, trimmed text).</summary>
public static class EvidenceValidator
{
    public static (JsonObject? Evidence, Dictionary<string, string[]> Errors) Validate(IReadOnlyList<EvidenceField> fields, JsonElement? body)
    {
        var errors = new Dictionary<string, string[]>();
        var result = new JsonObject();
        JsonElement input = default;
        var hasInput = body is { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined };
        if (hasInput)
        {
            input = body!.Value;
            if (input.ValueKind != JsonValueKind.Object)
            {
                errors["evidence"] = ["must be an object of named fields"];
                return (null, errors);
            }
            var known = fields.Select(f => f.Name).ToHashSet();
            foreach (var property in input.EnumerateObject().Where(p => !known.Contains(p.Name)))
                errors[$"evidence.{property.Name}"] = [$"unknown field; this step takes: {(known.Count == 0 ? "none" : string.Join(", ", known))}"];
        }

        foreach (var field in fields)
        {
            var key = $"evidence.{field.Name}";
            if (!hasInput || !input.TryGetProperty(field.Name, out var value) || IsBlank(value))
            {
                if (field.Required) errors[key] = ["is required"];
                continue;
            }
            var (node, error) = Convert(field.Type, value);
            if (error is not null) errors[key] = [error];
            else result[field.Name] = node;
        }
        return errors.Count > 0 ? (null, errors) : (result, errors);
    }

    private static bool IsBlank(JsonElement v) =>
        v.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined
        || (v.ValueKind == JsonValueKind.String && string.IsNullOrWhiteSpace(v.GetString()))
        || (v.ValueKind == JsonValueKind.Array && v.GetArrayLength() == 0);

    private static (JsonNode? Node, string? Error) Convert(EvidenceType type, JsonElement v) => type switch
    {
        EvidenceType.Text => v.ValueKind == JsonValueKind.String
            ? Bounds.TextProblem(v.GetString()!.Trim(), Bounds.Text, multiLine: true) is { } tooMuch ? (null, tooMuch) : (JsonValue.Create(v.GetString()!.Trim()), null)
            : (null, "must be text"),
        EvidenceType.Integer => v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var i) && i >= 0
            ? Bounds.NumberProblem(i, Bounds.People) is { } tooLarge ? (null, tooLarge) : (JsonValue.Create(i), null)
            : (null, "must be a whole number, zero or more"),
        EvidenceType.Decimal => v.ValueKind == JsonValueKind.Number && v.TryGetDecimal(out var d)
            ? Bounds.NumberProblem(Math.Abs(d), Bounds.Money) is { } tooLarge ? (null, tooLarge) : (JsonValue.Create(d), null)
            : (null, "must be a number"),
        EvidenceType.Boolean => v.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? (JsonValue.Create(v.GetBoolean()), null) : (null, "must be true or false"),
        EvidenceType.Date => ParseDate(v) is { } date ? (JsonValue.Create(date), null) : (null, "must be a date as yyyy-MM-dd"),
        EvidenceType.TextList => ConvertList(v, e => e.ValueKind == JsonValueKind.String && e.GetString()!.Trim().Length > 0 ? e.GetString()!.Trim() : null, "a list of texts"),
        EvidenceType.DateList => ConvertList(v, ParseDate, "a list of dates as yyyy-MM-dd"),
        _ => (null, "unsupported type"),
    };

    private static (JsonNode?, string?) ConvertList(JsonElement v, Func<JsonElement, string?> item, string what)
    {
        if (v.ValueKind != JsonValueKind.Array) return (null, $"must be {what}");
        if (Bounds.CountProblem(v.GetArrayLength(), Bounds.ListItems) is { } tooMany) return (null, tooMany);
        var array = new JsonArray();
        foreach (var e in v.EnumerateArray())
        {
            if (item(e) is not { } text) return (null, $"must be {what}");
            if (Bounds.TextProblem(text, Bounds.Title) is { } problem) return (null, problem);
            array.Add(text);
        }
        return (array, null);
    }

    private static string? ParseDate(JsonElement v) =>
        v.ValueKind == JsonValueKind.String
        && DateOnly.TryParseExact(v.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
}
