using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Propilas.Host.Pages.Alerts;

/// <summary>
/// How long an alert has been open, in words: "hace 12 días" under a year; past a year the date it was raised
/// ("desde el 18/07/2005"), since thousands of days read as nothing.
/// </summary>
public static class AlertAge
{
    public static string Text(DateTimeOffset raisedAt, DateTimeOffset now, IStringLocalizer texts, string language)
    {
        var raised = DateOnly.FromDateTime(raisedAt.UtcDateTime);
        var days = DateOnly.FromDateTime(now.UtcDateTime).DayNumber - raised.DayNumber;
        if (days >= 365) return string.Format(CultureInfo.InvariantCulture, texts["age.since"], Date(raised, language));
        return days switch
        {
            <= 0 => texts["age.today"],
            1 => texts["age.day"],
            _ => string.Format(CultureInfo.CurrentCulture, texts["age.days"], days),
        };
    }

    /// <summary>es 18/07/2005, en 18 Jul 2005.</summary>
    public static string Date(DateOnly date, string language) =>
        date.ToString(language == "en" ? "d MMM yyyy" : "dd/MM/yyyy", CultureInfo.InvariantCulture);
}
