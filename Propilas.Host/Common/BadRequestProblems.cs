using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;

namespace Propilas.Host.Common;

/// <summary>
/// A request the API could not read (malformed JSON, a value of the wrong type, a body too large, a query value that is not
/// a number) answers its status as problem details: for JSON, <c>errors</c> names the field by its path (<c>parameters.years</c>,
/// <c>districts[0].population</c>) with what it should be. Minimal API binding throws these (<c>ThrowOnBadRequest</c>).
/// </summary>
public sealed partial class BadRequestProblems(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (exception is not BadHttpRequestException bad || http.Response.HasStarted) return false;
        http.Response.StatusCode = bad.StatusCode;
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails
        {
            Status = bad.StatusCode,
            Title = bad.StatusCode switch { 413 => "Request too large", 415 => "Unsupported media type", _ => "Invalid request" },
            Detail = bad.Message,
        };
        if (FindJsonError(bad) is { } json)
        {
            var (field, expected) = Describe(json);
            problem.Detail = $"The request body could not be read: {field} {expected}.";
            problem.Extensions["errors"] = new Dictionary<string, string[]> { [field] = [expected] };
        }
        else if (bad.StatusCode == StatusCodes.Status413PayloadTooLarge)
            problem.Detail = $"The request body is too large: at most {Propilas.Workflows.Bounds.Body / 1024} KB.";
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    private static JsonException? FindJsonError(Exception e)
    {
        for (var inner = e.InnerException; inner is not null; inner = inner.InnerException)
            if (inner is JsonException json) return json;
        return null;
    }

    /// <summary>The field (the JSON path without its <c>$.</c>; <c>body</c> for the whole) and what it must be.</summary>
    private static (string Field, string Expected) Describe(JsonException e)
    {
        var path = e.Path is { Length: > 1 } p ? p.TrimStart('$').TrimStart('.') : "";
        var field = path.Length == 0 ? "body" : path;
        if (ConvertedTo().Match(e.Message) is { Success: true } m) return (field, $"must be {Expected(m.Groups[1].Value)}");
        return (field, "is not valid JSON");
    }

    private static string Expected(string type)
    {
        var name = NullableOf().Match(type) is { Success: true } n ? n.Groups[1].Value : type;
        if (name.IndexOf('`') is > 0 and var generic) name = name[..generic]; // List`1[...] is a List
        name = name[(name.LastIndexOf('.') + 1)..];
        return name switch
        {
            "Int32" or "Int64" or "Int16" or "Byte" => "a whole number",
            "Decimal" or "Double" or "Single" => "a number",
            "Boolean" => "true or false",
            "String" => "text",
            "DateOnly" => "a date written yyyy-MM-dd",
            "DateTimeOffset" or "DateTime" => "a date and time",
            "List" or "IReadOnlyList" or "IList" or "IEnumerable" or "ICollection" or "IReadOnlyCollection" => "a list",
            _ when name.EndsWith("[]", StringComparison.Ordinal) => "a list",
            "Dictionary" or "IDictionary" or "IReadOnlyDictionary" => "an object of named values",
            _ => "an object",
        };
    }

    [GeneratedRegex(@"could not be converted to ([^\s]+?)\.? Path:")]
    private static partial Regex ConvertedTo();

    [GeneratedRegex(@"^System\.Nullable`1\[(.+)\]$")]
    private static partial Regex NullableOf();
}
