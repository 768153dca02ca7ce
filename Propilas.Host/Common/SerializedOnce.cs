using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Propilas.Host.Common;

/// <summary>
/// Writes each instance of an immutable part of a loaded definition (e.g. a step's evidence fields) as the JSON it
/// serialized to the first time. Every answer about an instance repeats its definition's parts unchanged: the PROPILAS
/// steps' evidence fields are about 6 KB of JSON in each process view. Only for values nothing changes once loaded: the
/// kept JSON is found by the value's identity.
/// </summary>
/// <typeparam name="T">An interface or abstract type: the value is serialized as its own concrete type the first time.</typeparam>
public sealed class SerializedOnce<T> : JsonConverter<T> where T : class
{
    private readonly ConditionalWeakTable<T, byte[]> _json = new();

    public SerializedOnce()
    {
        if (!typeof(T).IsInterface && !typeof(T).IsAbstract)
            throw new ArgumentException($"{typeof(T)} is concrete: serializing it as itself would come back to this converter.");
    }

    /// <remarks>One converter per options: the JSON kept is what these options wrote.</remarks>
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        if (!_json.TryGetValue(value, out var json))
        {
            json = JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), options);
            _json.AddOrUpdate(value, json);
        }
        writer.WriteRawValue(json, skipInputValidation: true);
    }

    public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException($"{typeof(T)} is written by the host, never read from a request.");
}
