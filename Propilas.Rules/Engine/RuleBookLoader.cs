using System.Text.Json;

namespace Propilas.Rules.Engine;

/// <summary>
/// Loads every rule file (<c>*.json</c> with <c>"format": "propilas-rules/v1"</c>) of a folder at start-up and compiles
/// every expression and message. Any problem throws <see cref="RuleLoadException"/> naming the file, the rule and the error.
/// </summary>
public static class RuleBookLoader
{
    public const string Format = "propilas-rules/v1";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    public static RuleBook Load(string folder)
    {
        if (!Directory.Exists(folder)) throw new RuleLoadException([new RuleLoadError(folder, null, "rule folder not found")]);

        var errors = new List<RuleLoadError>();
        var sets = new List<CompiledRuleSet>();
        var skipped = new List<string>();
        var compiler = new ExpressionCompiler(RuleSecurity.CreateSettings());

        foreach (var path in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var file = Path.GetFileName(path);
            var document = Read(path, file, errors, skipped);
            if (document is null) continue;
            var set = RuleSetCompiler.Compile(file, document, compiler, errors);
            if (set is not null) sets.Add(set);
        }

        foreach (var duplicate in sets.GroupBy(s => s.Id).Where(g => g.Count() > 1))
            errors.Add(new RuleLoadError(string.Join(", ", duplicate.Select(s => s.File)), null, $"rule set id '{duplicate.Key}' is used by more than one file"));
        foreach (var duplicate in sets.SelectMany(s => s.Rules.Select(r => (s.File, r.Descriptor.Id))).GroupBy(r => r.Id).Where(g => g.Count() > 1))
            errors.Add(new RuleLoadError(string.Join(", ", duplicate.Select(r => r.File)), duplicate.Key, "duplicate rule id across files"));

        if (errors.Count == 0 && sets.Count == 0) errors.Add(new RuleLoadError(folder, null, "no rule files found"));
        if (errors.Count > 0) throw new RuleLoadException(errors);
        return new RuleBook(sets, skipped);
    }

    private static RuleSetDocument? Read(string path, string file, List<RuleLoadError> errors, List<string> skipped)
    {
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("format", out var format))
            {
                if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("rules", out _))
                    errors.Add(new RuleLoadError(file, null, $"looks like a rule set but has no \"format\": \"{Format}\""));
                else
                    skipped.Add(file);
                return null;
            }
            if (format.ValueKind != JsonValueKind.String || format.GetString() != Format)
            {
                errors.Add(new RuleLoadError(file, null, $"unsupported format {format.GetRawText()} (expected \"{Format}\")"));
                return null;
            }
            return root.Deserialize<RuleSetDocument>(Json);
        }
        catch (JsonException e)
        {
            errors.Add(new RuleLoadError(file, null, $"invalid JSON: {e.Message}"));
            return null;
        }
    }
}
