using System.Globalization;

namespace Propilas.Host.Pages.Localization;

/// <summary>
/// Numbers as people type them into the pages, read alike by every form. Peru writes a decimal point and groups
/// thousands with a comma; the pages print a space: "1234.5", "1 234.5", "1,234.5", "S/ 25,000" all read as written.
/// A comma is read as a decimal comma only where it cannot be a thousands comma ("1234,5", "12,50", "0,125"), so a
/// typed "25,000" is twenty-five thousand, never twenty-five.
/// </summary>
public static class TypedNumbers
{
    public static bool TryDecimal(string? raw, out decimal value)
    {
        value = 0;
        var compact = Compact(raw);
        if (compact.Length == 0) return false;
        if (compact.Contains(',') && !compact.Contains('.') && !GroupsThousands(compact)) compact = compact.Replace(',', '.');
        return decimal.TryParse(compact, NumberStyles.Number, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>A whole number, its thousands grouped or not ("1200", "1 200", "1,200"); "12,5" is not one.</summary>
    public static bool TryInt(string? raw, out int value)
    {
        value = 0;
        var compact = Compact(raw);
        if (compact.Contains(',') && !GroupsThousands(compact)) return false;
        return int.TryParse(compact, NumberStyles.AllowLeadingSign | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out value);
    }

    // "1,234" and "12,345,678": a first group of one to three digits (not a leading zero) and then groups of exactly three.
    private static bool GroupsThousands(string compact)
    {
        var groups = compact.TrimStart('-', '+').Split(',');
        var first = groups[0];
        return first.Length is >= 1 and <= 3 && first[0] != '0' && first.All(char.IsAsciiDigit)
            && groups.Skip(1).All(g => g.Length == 3 && g.All(char.IsAsciiDigit));
    }

    private static string Compact(string? raw) =>
        (raw ?? "").Replace("S/", "").Replace(" ", "").Replace("\u00a0", "").Replace("\u202f", "").Trim();
}
