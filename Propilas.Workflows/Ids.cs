using System.Text.Json.Serialization;

namespace Propilas.Workflows;

/// <summary>Identifier of a workflow definition, e.g. <c>propilas-strategic-plan</c>.</summary>
[JsonConverter(typeof(StringIdConverter<DefinitionId>))]
public readonly record struct DefinitionId(string Value) : IStringId<DefinitionId>
{
    public static DefinitionId From(string value) => new(value);

    public override string ToString() => Value;
}

/// <summary>Identifier of a stage inside a definition, e.g. <c>preparatory</c>.</summary>
[JsonConverter(typeof(StringIdConverter<StageId>))]
public readonly record struct StageId(string Value) : IStringId<StageId>
{
    public static StageId From(string value) => new(value);

    public override string ToString() => Value;
}

/// <summary>Identifier of a step inside a definition, e.g. <c>council-resolution</c>.</summary>
[JsonConverter(typeof(StringIdConverter<StepId>))]
public readonly record struct StepId(string Value) : IStringId<StepId>
{
    public static StepId From(string value) => new(value);

    public override string ToString() => Value;
}

/// <summary>What a workflow instance runs for, e.g. <c>district:san-juan</c>.</summary>
[JsonConverter(typeof(StringIdConverter<SubjectKey>))]
public readonly record struct SubjectKey(string Value) : IStringId<SubjectKey>
{
    public static SubjectKey From(string value) => new(value);

    public override string ToString() => Value;
}
