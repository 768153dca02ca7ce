using System.Collections;
using System.Globalization;
using Propilas.Rules.Facts;

namespace Propilas.Rules.Engine;

/// <summary>Renders a placeholder value for Peruvian Spanish or English readers.</summary>
internal static class ValueFormatter
{
    private static readonly CultureInfo Spanish = CultureInfo.GetCultureInfo("es-PE");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static CultureInfo Culture(Language language) => language == Language.Es ? Spanish : English;

    public static string Format(object? value, string? format, Language language)
    {
        var culture = Culture(language);
        return value switch
        {
            null => "—",
            string text => text,
            bool flag => (flag, language) switch
            {
                (true, Language.Es) => "sí",
                (true, _) => "yes",
                _ => "no",
            },
            LocalizedText text => text.In(language),
            Enum item => EnumLabels.For(item, language),
            decimal amount => amount.ToString(format ?? "#,0.##", culture),
            DateOnly date => date.ToString(format ?? "d", culture),
            IFormattable formattable => formattable.ToString(format, culture),
            IEnumerable items => Join(items, format, language),
            _ => value.ToString() ?? "",
        };
    }

    private static string Join(IEnumerable items, string? format, Language language)
    {
        var parts = items.Cast<object?>().Select(item => Format(item, format, language)).ToList();
        return parts.Count == 0 ? "—" : string.Join(", ", parts);
    }
}
