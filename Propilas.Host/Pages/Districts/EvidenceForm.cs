using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Propilas.Host.Pages.Localization;
using Propilas.Workflows.Definitions;

namespace Propilas.Host.Pages.Districts;

/// <summary>
/// Turns a posted step form (fields named <c>ev.&lt;name&gt;</c>) into evidence JSON for the runtime, leaving values
/// it cannot read as text so the runtime's validator names the field. Lists are typed one item per line; dates as the person
/// writes them in the page's language (<see cref="Dates.TryReadTyped"/>) and sent as <c>yyyy-MM-dd</c>.
/// </summary>
public static class EvidenceForm
{
    public const string Prefix = "ev.";

    public static JsonElement Read(IReadOnlyList<EvidenceField> fields, IFormCollection form)
    {
        var evidence = new JsonObject();
        foreach (var field in fields)
        {
            var raw = form[Prefix + field.Name].ToString().Trim();
            if (field.Type == EvidenceType.Boolean)
            {
                if (form.ContainsKey(Prefix + field.Name)) evidence[field.Name] = raw is "true" or "on";
                continue;
            }
            if (raw.Length == 0) continue;
            evidence[field.Name] = field.Type switch
            {
                EvidenceType.Integer when TypedNumbers.TryInt(raw, out var i) => i,
                EvidenceType.Decimal when TypedNumbers.TryDecimal(raw, out var d) => d,
                EvidenceType.Date => Day(raw),
                EvidenceType.TextList => new JsonArray(Lines(raw).Select(l => (JsonNode)JsonValue.Create(l)!).ToArray()),
                EvidenceType.DateList => new JsonArray(Lines(raw).Select(l => (JsonNode)JsonValue.Create(Day(l))!).ToArray()),
                _ => raw,
            };
        }
        return JsonSerializer.SerializeToElement(evidence);
    }

    /// <summary>What was typed, to show again when the form is rejected.</summary>
    public static Dictionary<string, string> Typed(IFormCollection form) =>
        form.Keys.Where(k => k.StartsWith(Prefix)).ToDictionary(k => k[Prefix.Length..], k => form[k].ToString());

    private static string Day(string typed) =>
        Dates.TryReadTyped(typed, out var day) ? day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : typed;

    private static IEnumerable<string> Lines(string raw) => raw.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);
}
