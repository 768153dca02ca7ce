using System.Text.Json;

namespace Propilas.Workflows.Definitions;

/// <summary>
/// Reads a definition from JSON, collecting every shape error with its path, then hands the result
/// to <see cref="DefinitionValidator"/> for the cross-reference checks.
/// </summary>
public static class DefinitionReader
{
    public static WorkflowDefinition Read(string json, string file)
    {
        var errors = new List<DefinitionError>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new WorkflowDefinitionException(file, [new DefinitionError($"line {e.LineNumber + 1}", $"not valid JSON: {e.Message}")]);
        }

        using (document)
        {
            var root = document.RootElement;
            var c = new Cursor(errors);
            if (root.ValueKind != JsonValueKind.Object)
                throw new WorkflowDefinitionException(file, [new DefinitionError("$", "a definition must be a JSON object")]);

            c.Known(root, "$", "id", "version", "name", "roles", "stages");
            var id = c.String(root, "$", "id");
            var version = c.Int(root, "$", "version") ?? 0;
            if (version < 1) errors.Add(new("$.version", "must be a whole number from 1 up"));
            var name = c.Text(root, "$", "name");
            var roles = c.StringArray(root, "$", "roles");
            var stages = c.Array(root, "$", "stages", (e, p) => ReadStage(c, e, p));

            var definition = new WorkflowDefinition(new DefinitionId(id ?? ""), version, name, roles, stages, json);
            errors.AddRange(DefinitionValidator.Validate(definition));
            if (errors.Count > 0) throw new WorkflowDefinitionException(file, errors);
            return definition;
        }
    }

    public static WorkflowDefinition ReadFile(string path) => Read(File.ReadAllText(path), path);

    private static StageDefinition ReadStage(Cursor c, JsonElement e, string path)
    {
        c.Known(e, path, "id", "name", "steps", "gate");
        var id = c.String(e, path, "id") ?? "";
        var name = c.Text(e, path, "name");
        var steps = c.Array(e, path, "steps", (s, p) => ReadStep(c, s, p));
        GateDefinition gate;
        if (e.TryGetProperty("gate", out var g) && g.ValueKind == JsonValueKind.Object)
        {
            c.Known(g, path + ".gate", "approverRole", "conditions");
            gate = new GateDefinition(c.String(g, path + ".gate", "approverRole") ?? "",
                c.StringArray(g, path + ".gate", "conditions", optional: true));
        }
        else
        {
            c.Errors.Add(new(path + ".gate", "missing gate: every stage is closed by a gate with an approverRole"));
            gate = new GateDefinition("", []);
        }
        return new StageDefinition(new StageId(id), name, steps, gate);
    }

    private static StepDefinition ReadStep(Cursor c, JsonElement e, string path)
    {
        c.Known(e, path, "id", "name", "kind", "role", "dependsOn", "dueDays", "required", "evidence", "conditions");
        var id = c.String(e, path, "id") ?? "";
        var kindText = c.String(e, path, "kind") ?? "";
        var kind = StepKinds.FromWord(kindText)
            ?? Fail(c, path + ".kind", $"unknown kind '{kindText}' ({StepKinds.KnownWords})", StepKind.Task);
        int? due = e.TryGetProperty("dueDays", out _) ? c.Int(e, path, "dueDays") : null;
        if (due < 0) c.Errors.Add(new(path + ".dueDays", "must not be negative"));
        var required = c.Bool(e, path, "required", fallback: true);
        return new StepDefinition(new StepId(id), c.Text(e, path, "name"), kind, c.String(e, path, "role") ?? "",
            c.StringArray(e, path, "dependsOn", optional: true).Select(d => new StepId(d)).ToList(), due, required,
            c.Array(e, path, "evidence", (f, p) => ReadEvidence(c, f, p), optional: true),
            c.StringArray(e, path, "conditions", optional: true));
    }

    private static EvidenceField ReadEvidence(Cursor c, JsonElement e, string path)
    {
        c.Known(e, path, "name", "type", "required", "label");
        var typeText = c.String(e, path, "type") ?? "";
        var type = typeText switch
        {
            "text" => EvidenceType.Text,
            "integer" => EvidenceType.Integer,
            "decimal" => EvidenceType.Decimal,
            "date" => EvidenceType.Date,
            "boolean" => EvidenceType.Boolean,
            "textList" => EvidenceType.TextList,
            "dateList" => EvidenceType.DateList,
            _ => Fail(c, path + ".type", $"unknown evidence type '{typeText}' (text, integer, decimal, date, boolean, textList, dateList)", EvidenceType.Text),
        };
        var required = c.Bool(e, path, "required", fallback: false);
        return new EvidenceField(c.String(e, path, "name") ?? "", type, required, c.Text(e, path, "label"));
    }

    private static T Fail<T>(Cursor c, string path, string message, T fallback)
    {
        c.Errors.Add(new(path, message));
        return fallback;
    }

    private sealed class Cursor(List<DefinitionError> errors)
    {
        public List<DefinitionError> Errors { get; } = errors;

        /// <summary>Reports keys the format does not know, so a misspelt <c>dependson</c> is not silently ignored.</summary>
        public void Known(JsonElement e, string path, params string[] names)
        {
            foreach (var property in e.EnumerateObject().Where(p => !names.Contains(p.Name) && !p.Name.StartsWith('_')))
                Errors.Add(new($"{path}.{property.Name}", $"unknown key; expected one of: {string.Join(", ", names)} (keys starting with '_' are comments)"));
        }

        public string? String(JsonElement e, string path, string name)
        {
            if (e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString()!.Trim().Length > 0)
                return v.GetString();
            Errors.Add(new($"{path}.{name}", "missing or not a non-empty string"));
            return null;
        }

        public int? Int(JsonElement e, string path, string name)
        {
            if (e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i)) return i;
            Errors.Add(new($"{path}.{name}", "missing or not a whole number"));
            return null;
        }

        /// <summary>An optional flag: absent means <paramref name="fallback"/>; anything but true/false is an error, not a silent default.</summary>
        public bool Bool(JsonElement e, string path, string name, bool fallback)
        {
            if (!e.TryGetProperty(name, out var v)) return fallback;
            if (v.ValueKind is JsonValueKind.True or JsonValueKind.False) return v.GetBoolean();
            Errors.Add(new($"{path}.{name}", "must be true or false"));
            return fallback;
        }

        public LocalizedText Text(JsonElement e, string path, string name)
        {
            if (!e.TryGetProperty(name, out var v) || v.ValueKind != JsonValueKind.Object)
            {
                Errors.Add(new($"{path}.{name}", "missing: a text with 'es' and 'en'"));
                return new LocalizedText("", "");
            }
            return new LocalizedText(String(v, $"{path}.{name}", "es") ?? "", String(v, $"{path}.{name}", "en") ?? "");
        }

        public IReadOnlyList<string> StringArray(JsonElement e, string path, string name, bool optional = false)
        {
            if (!e.TryGetProperty(name, out var v))
            {
                if (!optional) Errors.Add(new($"{path}.{name}", "missing list"));
                return [];
            }
            if (v.ValueKind != JsonValueKind.Array)
            {
                Errors.Add(new($"{path}.{name}", "must be a list of strings"));
                return [];
            }
            var list = new List<string>();
            var i = 0;
            foreach (var item in v.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String && item.GetString()!.Length > 0) list.Add(item.GetString()!);
                else Errors.Add(new($"{path}.{name}[{i}]", "must be a non-empty string"));
                i++;
            }
            return list;
        }

        public IReadOnlyList<T> Array<T>(JsonElement e, string path, string name, Func<JsonElement, string, T> read, bool optional = false)
        {
            if (!e.TryGetProperty(name, out var v))
            {
                if (!optional) Errors.Add(new($"{path}.{name}", "missing list"));
                return [];
            }
            if (v.ValueKind != JsonValueKind.Array)
            {
                Errors.Add(new($"{path}.{name}", "must be a list"));
                return [];
            }
            var list = new List<T>();
            var i = 0;
            foreach (var item in v.EnumerateArray())
            {
                var itemPath = $"{path}.{name}[{i++}]";
                if (item.ValueKind != JsonValueKind.Object) Errors.Add(new(itemPath, "must be an object"));
                else list.Add(read(item, itemPath));
            }
            return list;
        }
    }
}
