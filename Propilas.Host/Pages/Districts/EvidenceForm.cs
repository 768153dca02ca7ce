using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Propilas.Host.Pages.Localization;
using Propilas.Workflows.Definitions;

namespace Propilas.Host.Pages.Districts;

/// <summary>
/// Turns a posted step form (fields named <c>ev.&lt;name&gt;</c>) into evidence JSON for the runtime, leaving values
/// it cannot read as text so the runtime's validator names the field. Numbers are read by <see cref="TypedNumbers"/>, like
/// every form: a refused one is sent as typed (the runtime refuses text in a number field, so nothing is stored) and its
/// problem is returned, for the page to say why beside the field. Lists are typed one item per line; dates as the person
/// writes them in the page's language (<see cref="Dates.TryReadTyped"/>) and sent as <c>yyyy-MM-dd</c>.
/// </summary>
public static class EvidenceForm
{
    public const string Prefix = "ev.";

    public static (JsonElement Evidence, Dictionary<string, NumberProblem> Refused) Read(IReadOnlyList<EvidenceField> fields, IFormCollection form)
    {
        var evidence = new JsonObject();
        var refused = new Dictionary<string, NumberProblem>();
        foreach (var field in fields)
        {
            var raw = form[Prefix + field.Name].ToString().Trim();
            if (field.Type == EvidenceType.Boolean)
            {
                if (form.ContainsKey(Prefix + field.Name)) evidence[field.Name] = raw is "true" or "on";
                continue;
            }
            if (raw.Length == 0) continue;
            if (field.Type is EvidenceType.Integer or EvidenceType.Decimal)
            {
                var reading = field.Type == EvidenceType.Integer ? TypedNumbers.ReadWhole(raw) : TypedNumbers.Read(raw);
                if (reading.Problem is { } problem) refused[field.Name] = problem;
                evidence[field.Name] = reading.Value is not { } value ? raw
                    : field.Type == EvidenceType.Integer ? JsonValue.Create((int)value) : JsonValue.Create(value);
                continue;
            }
            evidence[field.Name] = field.Type switch
            {
                EvidenceType.Date => Day(raw),
                EvidenceType.TextList => new JsonArray(Lines(raw).Select(l => (JsonNode)JsonValue.Create(l)!).ToArray()),
                EvidenceType.DateList => new JsonArray(Lines(raw).Select(l => (JsonNode)JsonValue.Create(Day(l))!).ToArray()),
                _ => raw,
            };
        }
        return (JsonSerializer.SerializeToElement(evidence), refused);
    }

    /// <summary>What was typed, to show again when the form is rejected.</summary>
    public static Dictionary<string, string> Typed(IFormCollection form) =>
        form.Keys.Where(k => k.StartsWith(Prefix)).ToDictionary(k => k[Prefix.Length..], k => form[k].ToString());

    private static string Day(string typed) =>
        Dates.TryReadTyped(typed, out var day) ? day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : typed;

    private static IEnumerable<string> Lines(string raw) => raw.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);
}
