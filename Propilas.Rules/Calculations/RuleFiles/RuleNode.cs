using System.Text.Json;

namespace Propilas.Rules.Calculations;

/// <summary>
/// A value inside a JSON rule file together with its file and JSON path, so that every
/// read failure can say exactly which file and which field is wrong.
/// </summary>
internal readonly record struct RuleNode(string FilePath, string JsonPath, JsonElement Element)
{
    private static readonly JsonDocumentOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static T Read<T>(string filePath, Func<RuleNode, T> map)
    {
        string text;
        try
        {
            text = File.ReadAllText(filePath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RuleFileException(filePath, "$", $"cannot be read ({e.Message})", e);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, Options);
        }
        catch (JsonException e)
        {
            throw new RuleFileException(filePath, "$", $"is not valid JSON ({e.Message})", e);
        }

        using (document)
            return map(new RuleNode(filePath, "$", document.RootElement));
    }

    public RuleNode Property(string name)
    {
        if (Element.ValueKind != JsonValueKind.Object)
            throw Fail("must be a JSON object");
        if (!Element.TryGetProperty(name, out var value))
            throw new RuleFileException(FilePath, $"{JsonPath}.{name}", "is missing");
        return new RuleNode(FilePath, $"{JsonPath}.{name}", value);
    }

    public decimal Decimal(string name) => Property(name).Decimal();

    public decimal Decimal()
    {
        if (Element.ValueKind != JsonValueKind.Number || !Element.TryGetDecimal(out var value))
            throw Fail($"must be a number (was {Describe()})");
        return value;
    }

    public decimal Decimal(string name, decimal min, decimal max)
    {
        var node = Property(name);
        var value = node.Decimal();
        if (value < min || value > max)
            throw node.Fail($"must be between {min} and {max} (was {value})");
        return value;
    }

    public int Int32(string name) => Property(name).Int32();

    public int Int32()
    {
        if (Element.ValueKind != JsonValueKind.Number || !Element.TryGetInt32(out var value))
            throw Fail($"must be a whole number (was {Describe()})");
        return value;
    }

    public string String(string name) => Property(name).String();

    public string String()
    {
        var value = Element.ValueKind == JsonValueKind.String ? Element.GetString() : null;
        if (string.IsNullOrWhiteSpace(value))
            throw Fail($"must be a non-empty string (was {Describe()})");
        return value;
    }

    public IReadOnlyList<RuleNode> Items(string name) => Property(name).Items();

    public IReadOnlyList<RuleNode> Items()
    {
        if (Element.ValueKind != JsonValueKind.Array)
            throw Fail($"must be an array (was {Describe()})");
        var path = JsonPath;
        var file = FilePath;
        return Element.EnumerateArray().Select((item, i) => new RuleNode(file, $"{path}[{i}]", item)).ToList();
    }

    public RuleFileException Fail(string problem) => new(FilePath, JsonPath, problem);

    /// <summary>Turns validation errors of the mapped object into a file error; field names equal JSON property names.</summary>
    public void ThrowIfInvalid(IReadOnlyList<InputError> errors)
    {
        if (errors.Count > 0)
        {
            var problem = errors.Count == 1 ? errors[0].Message : string.Join("; ", errors);
            throw new RuleFileException(FilePath, $"{JsonPath}.{errors[0].Field}", problem);
        }
    }

    private string Describe() => Element.ValueKind switch
    {
        JsonValueKind.String => $"\"{Element.GetString()}\"",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        _ => Element.GetRawText(),
    };
}
