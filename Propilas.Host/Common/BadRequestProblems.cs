using System.Reflection;
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
            // The handler runs with the endpoint cleared; the feature keeps the one that threw.
            var endpoint = http.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? http.GetEndpoint();
            var (field, expected) = Describe(json, endpoint?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.RequestType);
            problem.Detail = $"The request body could not be read: {field} {expected}.";
            problem.Extensions["errors"] = new Dictionary<string, string[]> { [field] = [expected] };
        }
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    private static JsonException? FindJsonError(Exception e)
    {
        for (var inner = e.InnerException; inner is not null; inner = inner.InnerException)
            if (inner is JsonException json) return json;
        return null;
    }

    /// <summary>A value of the wrong type: its field (the JSON path without its <c>$.</c>) and what it must be, read from the
    /// type the endpoint reads (the serializer's message names the outer record when it binds through a constructor). JSON that
    /// does not parse: <c>body</c>, and where it stops parsing.</summary>
    private static (string Field, string Expected) Describe(JsonException e, Type? body)
    {
        var path = e.Path is { Length: > 1 } p ? p.TrimStart('$').TrimStart('.') : "";
        if (!ConvertedTo().IsMatch(e.Message))
            return ("body", $"is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}{(path.Length == 0 ? "" : $", after {path}")})");
        var type = body is null ? null : TypeAt(body, path);
        return (path.Length == 0 ? "body" : path, $"must be {(type is null ? "of another type" : Expected(type))}");
    }

    private static Type? TypeAt(Type root, string path)
    {
        Type? type = root;
        foreach (Match segment in PathSegment().Matches(path))
        {
            type = Nullable.GetUnderlyingType(type!) ?? type!;
            type = segment.Groups["index"].Success
                ? ElementOf(type)
                : type.GetProperty(segment.Groups["name"].Value, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)?.PropertyType
                  ?? DictionaryValueOf(type);
            if (type is null) return null;
        }
        return type;
    }

    private static Type? ElementOf(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

    private static Type? DictionaryValueOf(Type type) =>
        type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>))?.GetGenericArguments()[1];

    private static string Expected(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsEnum) return "one of " + string.Join(", ", Enum.GetNames(type).Select(n => char.ToLowerInvariant(n[0]) + n[1..]));
        if (type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte)) return "a whole number";
        if (type == typeof(decimal) || type == typeof(double) || type == typeof(float)) return "a number";
        if (type == typeof(bool)) return "true or false";
        if (type == typeof(string)) return "text";
        if (type == typeof(DateOnly)) return "a date written yyyy-MM-dd";
        if (type == typeof(DateTimeOffset) || type == typeof(DateTime)) return "a date and time";
        if (DictionaryValueOf(type) is not null) return "an object of named values";
        if (ElementOf(type) is not null) return "a list";
        return "an object";
    }

    [GeneratedRegex(@"(?<name>[^.\[\]']+)|\[(?<index>\d+)\]")]
    private static partial Regex PathSegment();

    [GeneratedRegex(@"could not be converted to ([^\s]+?)\.? Path:")]
    private static partial Regex ConvertedTo();
}
