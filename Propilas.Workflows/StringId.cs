using System.Text.Json;
using System.Text.Json.Serialization;

namespace Propilas.Workflows;

/// <summary>A typed identifier that is a single string on the wire.</summary>
public interface IStringId<TSelf> where TSelf : IStringId<TSelf>
{
    string Value { get; }

    static abstract TSelf From(string value);
}

/// <summary>Writes a typed id as its plain string, so APIs show <c>"design"</c>, not <c>{"value":"design"}</c>.</summary>
public sealed class StringIdConverter<T> : JsonConverter<T> where T : IStringId<T>
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        T.From(reader.GetString() ?? throw new JsonException($"{typeof(T).Name} must be a string."));

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
}
