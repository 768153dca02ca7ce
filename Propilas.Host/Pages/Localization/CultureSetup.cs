using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Propilas.Host.Pages.Localization;

/// <summary>Spanish (Peru) first, English second; the choice is remembered in a cookie.</summary>
public static class CultureSetup
{
    public static readonly CultureInfo Spanish = CreateSpanish();
    public static readonly CultureInfo English = CreateEnglish();

    public static RequestLocalizationOptions Options()
    {
        var options = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Spanish, Spanish),
            SupportedCultures = [Spanish, English],
            SupportedUICultures = [Spanish, English],
        };
        // The cookie only: a browser set to English still starts in Spanish, the users' language.
        options.RequestCultureProviders = [new CookieRequestCultureProvider()];
        return options;
    }

    /// <summary>es-PE with "S/ 1 234 567" amounts: a space groups thousands, as planners write them.</summary>
    private static CultureInfo CreateSpanish()
    {
        var culture = InSoles(CultureInfo.GetCultureInfo("es-PE"));
        culture.NumberFormat.NumberGroupSeparator = " ";
        culture.NumberFormat.CurrencyGroupSeparator = " ";
        return culture;
    }

    /// <summary>English with "S/ 1,234,567" amounts: the money is the sol in either language (plain "en" would write "¤").</summary>
    private static CultureInfo CreateEnglish() => InSoles(CultureInfo.GetCultureInfo("en"));

    private static CultureInfo InSoles(CultureInfo source)
    {
        var culture = (CultureInfo)source.Clone();
        culture.NumberFormat.CurrencySymbol = "S/";
        culture.NumberFormat.CurrencyPositivePattern = 2; // "S/ n"
        culture.NumberFormat.CurrencyNegativePattern = 12; // "S/ -n"
        return culture;
    }
}
