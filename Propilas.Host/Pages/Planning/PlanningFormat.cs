using System.Globalization;

namespace Propilas.Host.Pages.Planning;

/// <summary>Numbers as the planners read and type them, in the current culture (es-PE: "S/ 1 234 567", "89.7 %").</summary>
public static class PlanningFormat
{
    /// <summary>Soles to the unit: "S/ 1 234 567" in Spanish, "S/ 1,234,567" in English (both page cultures write the sol: <see cref="Localization.CultureSetup"/>).</summary>
    public static string Soles(decimal value) => value.ToString("C0", CultureInfo.CurrentCulture);

    public static string Percent(decimal? value) => value is { } v ? v.ToString("0.0", CultureInfo.CurrentCulture) + " %" : "–";

    public static string Whole(decimal value) => value.ToString("N0", CultureInfo.CurrentCulture);

    /// <summary>A value to put back in an input, read back the same by <see cref="Localization.TypedNumbers"/> (never "d.ddd").</summary>
    public static string Input(decimal? value) => Localization.TypedNumbers.ForInput(value);

    /// <summary>A fraction put back in an input as the percentage people type: 0.10 as "10", 0.125 as "12.5".</summary>
    public static string InputPercent(decimal fraction) => (fraction * 100m).ToString("0.############", CultureInfo.InvariantCulture);
}
