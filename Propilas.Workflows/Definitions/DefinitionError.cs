namespace Propilas.Workflows.Definitions;

/// <summary>One problem in a definition file: where in the JSON (a path such as <c>$.stages[1].steps[0].dependsOn[0]</c>) and what.</summary>
public sealed record DefinitionError(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}

/// <summary>A definition file that cannot be used. The message names the file, the path in it and what is wrong.</summary>
public sealed class WorkflowDefinitionException(string file, IReadOnlyList<DefinitionError> errors)
    : Exception($"Invalid workflow definition '{file}':{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", errors))
{
    public string File { get; } = file;
    public IReadOnlyList<DefinitionError> Errors { get; } = errors;
}
