namespace Propilas.Workflows;

/// <summary>Identifier of a workflow definition, e.g. <c>propilas-strategic-plan</c>.</summary>
public readonly record struct DefinitionId(string Value)
{
    public override string ToString() => Value;
}

/// <summary>Identifier of a stage inside a definition, e.g. <c>preparatory</c>.</summary>
public readonly record struct StageId(string Value)
{
    public override string ToString() => Value;
}

/// <summary>Identifier of a step inside a definition, e.g. <c>council-resolution</c>.</summary>
public readonly record struct StepId(string Value)
{
    public override string ToString() => Value;
}

/// <summary>What a workflow instance runs for, e.g. <c>district:san-juan</c>.</summary>
public readonly record struct SubjectKey(string Value)
{
    public override string ToString() => Value;
}
