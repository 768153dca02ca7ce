using System.Globalization;

namespace Propilas.Host.Pages.Planning;

/// <summary>Numbers as the planners read and type them, in the current culture (es-PE: "S/ 1 234 567", "89.7 %").</summary>
public static class PlanningFormat
{
    /// <summary>Soles to the unit: "S/ 1 234 567" in Spanish, "S/ 1,234,567" in English (both page cultures write the sol: <see cref="Localization.CultureSetup"/>).</summary>
    public static string Soles(decimal value) => value.ToString("C0", CultureInfo.CurrentCulture);

    public static string Percent(decimal? value) => value is { } v ? v.ToString("0.0", CultureInfo.CurrentCulture) + " %" : "–";

    public static string Whole(decimal value) => value.ToString("N0", CultureInfo.CurrentCulture);

    /// <summary>A value to put back in an input, readable by <see cref="TryParse"/> whatever the culture.</summary>
    public static string Input(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    /// <summary>Accepts "1234.5", "1 234.5", "1,234.5" and "1234,5" (a lone comma is a decimal comma).</summary>
    public static bool TryParse(string? raw, out decimal value)
    {
        value = 0;
        var compact = (raw ?? "").Replace(" ", "").Replace("\u00a0", "").Replace("\u202f", "");
        if (compact.Length == 0) return false;
        if (compact.Contains(',') && !compact.Contains('.'))
            compact = compact.Count(c => c == ',') == 1 && compact.Length - compact.IndexOf(',') != 4 ? compact.Replace(',', '.') : compact.Replace(",", "");
        return decimal.TryParse(compact, NumberStyles.Number, CultureInfo.InvariantCulture, out value);
    }
}
