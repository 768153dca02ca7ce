namespace Propilas.Workflows;

/// <summary>A text in Spanish (first) and English.</summary>
public sealed record LocalizedText(string Es, string En)
{
    public string In(string language) => language.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? En : Es;
}
