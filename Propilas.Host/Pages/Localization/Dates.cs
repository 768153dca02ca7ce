using System.Globalization;

namespace Propilas.Host.Pages.Localization;

/// <summary>
/// Dates as every page shows them: one format per language, Spanish <c>18/07/2005</c>, English <c>18 Jul 2005</c>, never
/// ISO beside local. Date inputs (<c>&lt;input type="date"&gt;</c>) send and receive <c>yyyy-MM-dd</c>: <see cref="ForInput"/>.
/// </summary>
public static class Dates
{
    public static string Show(DateOnly day) => day.ToString(Pattern, CultureInfo.CurrentCulture);

    public static string Show(DateOnly? day, string none = "") => day is { } d ? Show(d) : none;

    /// <summary>The day of a moment, in Peru (UTC−5, no daylight saving), where the districts are.</summary>
    public static string Show(DateTimeOffset moment) => Show(InPeru(moment));

    public static DateOnly InPeru(DateTimeOffset moment) => DateOnly.FromDateTime(moment.ToOffset(Peru).DateTime);

    /// <summary>A day typed by a person in the page's language (<c>18/07/2005</c>, <c>18 Jul 2005</c>) or as <c>2005-07-18</c>.</summary>
    public static bool TryReadTyped(string typed, out DateOnly day) =>
        DateOnly.TryParseExact(typed.Trim().TrimEnd('.'), IsEnglish ? TypedEnglish : TypedSpanish, CultureInfo.CurrentCulture,
            DateTimeStyles.AllowWhiteSpaces, out day);

    /// <summary>The value of a date input.</summary>
    public static string ForInput(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    /// <summary>What a date input sent (<c>yyyy-MM-dd</c>).</summary>
    public static bool TryReadInput(string? typed, out DateOnly day) =>
        DateOnly.TryParseExact((typed ?? "").Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    private static readonly string[] TypedSpanish = ["d/M/yyyy", "yyyy-MM-dd"];
    private static readonly string[] TypedEnglish = ["d MMM yyyy", "d MMMM yyyy", "yyyy-MM-dd"];
    private static readonly TimeSpan Peru = TimeSpan.FromHours(-5);

    private static bool IsEnglish => CultureInfo.CurrentCulture.TwoLetterISOLanguageName == "en";

    private static string Pattern => IsEnglish ? "d MMM yyyy" : "dd/MM/yyyy";
}
