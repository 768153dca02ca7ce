namespace Propilas.Rules.Facts;

/// <summary>A text in Spanish (the users' language) and English.</summary>
public sealed record LocalizedText(string Es, string En)
{
    public string In(Language language) => language == Language.Es ? Es : En;

    /// <summary>By a culture's language name, as pages have it (e.g. <c>CurrentUICulture.TwoLetterISOLanguageName</c>): English
    /// for "en", Spanish otherwise.</summary>
    public string In(string language) => In(language.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? Language.En : Language.Es);
}

public enum Language
{
    Es,
    En,
}
