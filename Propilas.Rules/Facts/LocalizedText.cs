namespace Propilas.Rules.Facts;

/// <summary>A text in Spanish (the users' language) and English.</summary>
public sealed record LocalizedText(string Es, string En)
{
    public string In(Language language) => language == Language.Es ? Es : En;
}

public enum Language
{
    Es,
    En,
}
