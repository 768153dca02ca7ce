using System.Globalization;

namespace Propilas.Host.Pages.Districts;

/// <summary>
/// Days as the process page and the work list show and read them: Spanish <c>18/07/2005</c>, English <c>18 Jul 2005</c>;
/// typed, either language also reads <c>2005-07-18</c>.
/// </summary>
public static class DayText
{
    public static string Show(DateOnly day) => day.ToString(IsEnglish ? "d MMM yyyy" : "dd/MM/yyyy", CultureInfo.CurrentCulture);

    /// <summary>The day of a moment in Peru (UTC−5, no daylight saving), where the districts are.</summary>
    public static string Show(DateTimeOffset moment) => Show(InPeru(moment));

    public static DateOnly InPeru(DateTimeOffset moment) => DateOnly.FromDateTime(moment.ToOffset(Peru).DateTime);

    /// <summary>A day typed by a person in the page's language (<c>18/07/2005</c>, <c>18 Jul 2005</c>) or as <c>2005-07-18</c>.</summary>
    public static bool TryRead(string typed, out DateOnly day) =>
        DateOnly.TryParseExact(typed.Trim().TrimEnd('.'), IsEnglish ? English : Spanish, CultureInfo.CurrentCulture, DateTimeStyles.AllowWhiteSpaces, out day);

    private static readonly string[] Spanish = ["d/M/yyyy", "yyyy-MM-dd"];
    private static readonly string[] English = ["d MMM yyyy", "d MMMM yyyy", "yyyy-MM-dd"];
    private static readonly TimeSpan Peru = TimeSpan.FromHours(-5);

    private static bool IsEnglish => CultureInfo.CurrentCulture.TwoLetterISOLanguageName == "en";
}
