using System.Text.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Propilas.Workflows;

namespace Propilas.Host.Common;

/// <summary>What the OpenAPI document would otherwise miss, so a client generated from it reads and sends what the API does.</summary>
public static class OpenApiSchemas
{
    /// <summary>Every parameter of the route's path is declared, also those a handler reads from the route rather than binds (a project's id).</summary>
    public static Task DeclarePathParameters(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var path = context.Description.RelativePath ?? "";
        foreach (var name in System.Text.RegularExpressions.Regex.Matches(path, @"\{(\w+)[^}]*\}").Select(m => m.Groups[1].Value))
        {
            operation.Parameters ??= [];
            if (operation.Parameters.Any(p => p.In == ParameterLocation.Path && p.Name == name)) continue;
            operation.Parameters.Add(new OpenApiParameter { Name = name, In = ParameterLocation.Path, Required = true, Schema = new OpenApiSchema { Type = JsonSchemaType.String } });
        }
        return Task.CompletedTask;
    }

    /// <summary>The schemas of the types written otherwise than their members suggest.</summary>
    public static Task Transform(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        // Ids such as a district's slug or a step's id are plain strings (StringIdConverter).
        if (type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IStringId<>)))
        {
            schema.Type = JsonSchemaType.String | (schema.Type ?? 0) & JsonSchemaType.Null;
            schema.Properties?.Clear();
            schema.Required?.Clear();
        }
        // Evidence and recorded plans are any JSON the caller sent.
        else if (type == typeof(JsonElement))
        {
            schema.Type = null;
            schema.Properties?.Clear();
            schema.Required?.Clear();
        }
        // The API leaves nulls out (JsonIgnoreCondition.WhenWritingNull): a member that may be null is not always there.
        if (schema.Required is { Count: > 0 } required)
            foreach (var member in context.JsonTypeInfo.Properties)
                if (member.IsGetNullable || Nullable.GetUnderlyingType(member.PropertyType) is not null) required.Remove(member.Name);
        return Task.CompletedTask;
    }
}
