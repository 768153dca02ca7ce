using Propilas.Workflows;

namespace Propilas.Host.Process;

/// <summary>Which definition is a district's planning process (<c>Process:DefinitionId</c>), and where definition files live.</summary>
public sealed record ProcessSettings(DefinitionId DefinitionId, string DefinitionsFolder)
{
    public static ProcessSettings From(IConfiguration configuration) => new(
        new DefinitionId(configuration["Process:DefinitionId"] ?? "propilas-strategic-plan"),
        configuration["Process:DefinitionsFolder"] is { Length: > 0 } folder ? folder : Path.Combine(AppContext.BaseDirectory, "workflows"));
}
