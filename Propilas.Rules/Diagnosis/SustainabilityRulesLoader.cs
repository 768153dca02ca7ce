using System.Globalization;
using System.Text.Json;

namespace Propilas.Rules.Diagnosis;

/// <summary>
/// Reads and validates workflows/rules/sustainability.json. Any problem throws
/// <see cref="SustainabilityRulesException"/> listing all of them, each naming the file and the field.
/// </summary>
public static class SustainabilityRulesLoader
{
    public const string DefaultRelativePath = "workflows/rules/sustainability.json";
    private const int DefaultIndexDecimals = 2;

    public static SustainabilityRules LoadFile(string path)
    {
        var fileName = Path.GetFileName(path);
        if (!File.Exists(path))
            throw new SustainabilityRulesException(fileName, [$"{fileName}: file not found at {Path.GetFullPath(path)}"]);
        return Parse(File.ReadAllText(path), fileName);
    }

    public static SustainabilityRules Parse(string json, string fileName)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new SustainabilityRulesException(fileName, [$"{fileName}: not valid JSON (line {e.LineNumber + 1}): {e.Message}"]);
        }

        using (document)
        {
            var reader = new Reader(fileName);
            var rules = reader.Read(document.RootElement);
            return reader.Errors.Count == 0 ? rules! : throw new SustainabilityRulesException(fileName, reader.Errors);
        }
    }

    private sealed class Reader(string fileName)
    {
        public List<string> Errors { get; } = [];

        public SustainabilityRules? Read(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                Error("(root)", $"must be a JSON object");
                return null;
            }
            RejectUnknown(root, "", "description", "weights", "indexDecimals", "bands");

            var weights = ReadWeights(root);
            var decimals = ReadIndexDecimals(root);
            var bands = ReadBands(root, decimals);
            if (weights is null || bands is null || Errors.Count > 0) return null;

            CheckCoverage(bands, decimals);
            return new SustainabilityRules(weights, decimals, bands.Select(b => b.Band).ToList());
        }

        private SustainabilityWeights? ReadWeights(JsonElement root)
        {
            if (!root.TryGetProperty("weights", out var weights) || weights.ValueKind != JsonValueKind.Object)
            {
                Error("weights", $"missing, or not an object with state, management and operationAndMaintenance");
                return null;
            }
            RejectUnknown(weights, "weights.", "state", "management", "operationAndMaintenance");
            var state = PositiveNumber(weights, "weights.", "state");
            var management = PositiveNumber(weights, "weights.", "management");
            var om = PositiveNumber(weights, "weights.", "operationAndMaintenance");
            return state is null || management is null || om is null ? null : new SustainabilityWeights(state.Value, management.Value, om.Value);
        }

        private int ReadIndexDecimals(JsonElement root)
        {
            if (!root.TryGetProperty("indexDecimals", out var value)) return DefaultIndexDecimals;
            if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var decimals) && decimals is >= 0 and <= 4)
                return decimals;
            Error("indexDecimals", $"must be a whole number from 0 to 4");
            return DefaultIndexDecimals;
        }

        private List<(string Path, SustainabilityBand Band)>? ReadBands(JsonElement root, int decimals)
        {
            if (!root.TryGetProperty("bands", out var bands) || bands.ValueKind != JsonValueKind.Array || bands.GetArrayLength() == 0)
            {
                Error("bands", $"missing, or not a non-empty array");
                return null;
            }

            var result = new List<(string, SustainabilityBand)>();
            var seen = new Dictionary<SustainabilityCategory, string>();
            var i = 0;
            foreach (var band in bands.EnumerateArray())
            {
                var path = $"bands[{i++}]";
                if (band.ValueKind != JsonValueKind.Object)
                {
                    Error(path, $"must be an object");
                    continue;
                }
                RejectUnknown(band, path + ".", "category", "es", "en", "min", "max");

                var category = ReadCategory(band, path);
                if (category is { } c && !seen.TryAdd(c, path))
                    Error($"{path}.category", $"'{band.GetProperty("category").GetString()}' is already the category of {seen[c]}");
                var es = NonEmptyText(band, path, "es");
                var en = NonEmptyText(band, path, "en");
                var min = Bound(band, path, "min", decimals);
                var max = Bound(band, path, "max", decimals);
                if (min > max)
                    Error($"{path}.min", $"{min} is greater than max {max}");

                if (category is not null && es is not null && en is not null && min is not null && max is not null)
                    result.Add((path, new SustainabilityBand(category.Value, es, en, min.Value, max.Value)));
            }

            foreach (var (id, _) in SustainabilityCategoryIds.ById.Where(c => !seen.ContainsKey(c.Value)))
                Error("bands", $"no band for category '{id}'");
            return result;
        }

        private void CheckCoverage(List<(string Path, SustainabilityBand Band)> bands, int decimals)
        {
            bands.Sort((a, b) => a.Band.Min.CompareTo(b.Band.Min));
            var step = 1m / (decimal)Math.Pow(10, decimals);

            if (bands[0].Band.Min != SustainabilityScale.Min)
                Error($"{bands[0].Path}.min", $"the lowest band must start at {SustainabilityScale.Min}, not {bands[0].Band.Min}");
            if (bands[^1].Band.Max != SustainabilityScale.Max)
                Error($"{bands[^1].Path}.max", $"the highest band must end at {SustainabilityScale.Max}, not {bands[^1].Band.Max}");

            for (var i = 1; i < bands.Count; i++)
            {
                var (previousPath, previous) = bands[i - 1];
                var (path, band) = bands[i];
                var expected = previous.Max + step;
                if (band.Min > expected)
                    Error($"{path}.min", $"gap: {previousPath}.max is {previous.Max}, so this band must start at {expected}, not {band.Min}");
                else if (band.Min < expected)
                    Error($"{path}.min", $"overlap: {previousPath}.max is {previous.Max}, so this band must start at {expected}, not {band.Min}");
                if (band.Category < previous.Category)
                    Error($"{path}.category", $"bands must rank collapsed < severe-deterioration < deteriorating < sustainable as the index rises");
            }
        }

        private SustainabilityCategory? ReadCategory(JsonElement band, string path)
        {
            if (band.TryGetProperty("category", out var value) && value.ValueKind == JsonValueKind.String &&
                SustainabilityCategoryIds.ById.TryGetValue(value.GetString()!, out var category))
                return category;
            Error($"{path}.category", $"must be one of {string.Join(", ", SustainabilityCategoryIds.ById.Keys)}");
            return null;
        }

        private decimal? Bound(JsonElement band, string path, string name, int decimals)
        {
            if (!band.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out var number))
            {
                Error($"{path}.{name}", $"missing or not a number");
                return null;
            }
            if (number < SustainabilityScale.Min || number > SustainabilityScale.Max)
                Error($"{path}.{name}", $"{number} is outside the scale {SustainabilityScale.Min} to {SustainabilityScale.Max}");
            else if (Math.Round(number, decimals) != number)
                Error($"{path}.{name}", $"{number} has more decimals than indexDecimals ({decimals})");
            return number;
        }

        private decimal? PositiveNumber(JsonElement parent, string prefix, string name)
        {
            if (!parent.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out var number))
            {
                Error(prefix + name, $"missing or not a number");
                return null;
            }
            if (number > 0) return number;
            Error(prefix + name, $"must be positive, not {number}");
            return null;
        }

        private string? NonEmptyText(JsonElement parent, string path, string name)
        {
            if (parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String &&
                !string.IsNullOrWhiteSpace(value.GetString()))
                return value.GetString();
            Error($"{path}.{name}", $"missing or empty");
            return null;
        }

        private void RejectUnknown(JsonElement element, string prefix, params string[] known)
        {
            foreach (var property in element.EnumerateObject())
                if (!known.Contains(property.Name))
                    Error(prefix + property.Name, $"unknown field (expected {string.Join(", ", known)})");
        }

        // Invariant, so bounds read "2.50" whatever the server's culture.
        private void Error(string field, FormattableString message) =>
            Errors.Add($"{fileName}: {field}: {message.ToString(CultureInfo.InvariantCulture)}");
    }
}
