namespace Propilas.Rules.Diagnosis;

/// <summary>The rule file is unusable; <see cref="Errors"/> lists every problem as "file: field: why".</summary>
public sealed class SustainabilityRulesException(string fileName, IReadOnlyList<string> errors)
    : Exception($"Invalid sustainability rule file {fileName}:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", errors))
{
    public string FileName { get; } = fileName;
    public IReadOnlyList<string> Errors { get; } = errors;
}
