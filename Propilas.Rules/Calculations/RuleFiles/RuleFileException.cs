namespace Propilas.Rules.Calculations;

/// <summary>A rule or parameter file is missing, is not valid JSON, or holds an invalid value.</summary>
public sealed class RuleFileException(string filePath, string jsonPath, string problem, Exception? inner = null)
    : Exception($"Rule file '{filePath}', {jsonPath}: {problem}", inner)
{
    public string FilePath { get; } = filePath;

    /// <summary>Where in the file the problem is, e.g. <c>$.fixtures[3].units</c>.</summary>
    public string JsonPath { get; } = jsonPath;
}
