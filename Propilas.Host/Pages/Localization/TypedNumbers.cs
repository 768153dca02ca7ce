using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Propilas.Host.Pages.Localization;

/// <summary>
/// Numbers as people type them into the pages, read alike by every form. A number is never stored different from what
/// the person meant: where an entry has two readings it is refused with both, never guessed.
/// <list type="bullet">
/// <item>Peru writes a decimal point and groups thousands with a comma; the pages print a space: "1234.5", "1 234.5",
/// "1,234.5", "S/ 25,000" all read as written.</item>
/// <item>A comma is a decimal comma only where it cannot be a thousands comma ("1234,5", "25000,50", "0,125"), so a
/// typed "25,000" is twenty-five thousand, never twenty-five.</item>
/// <item>A single dot followed by exactly three digits after one to three digits ("25.000", "3.500") is read in
/// Spanish-speaking use as thousands or as decimals alike: refused, showing both readings.</item>
/// <item>Two or more dots each followed by three digits ("1.234.567", "3.618.342") cannot be decimals: thousands.</item>
/// <item>Dots and commas together are read only Peru's way round ("1,234.5"); "1.234,5" is refused.</item>
/// </list>
/// </summary>
public static class TypedNumbers
{
    /// <summary>A decimal as typed, or why it cannot be stored. Blank is <see cref="NumberReading.Blank"/>.</summary>
    public static NumberReading Read(string? raw)
    {
        var typed = (raw ?? "").Trim();
        var compact = Compact(typed);
        if (compact.Length == 0) return NumberReading.Blank;
        var sign = compact[0] is '-' or '+' ? compact[..1] : "";
        var body = compact[sign.Length..];
        var refused = NumberReading.Refused(new NumberProblem(typed, NumberProblemKind.NotANumber));
        if (body.Length == 0 || !body.All(c => char.IsAsciiDigit(c) || c is '.' or ','))
            return refused;

        var commas = body.Count(c => c == ',');
        var dots = body.Count(c => c == '.');
        string plain; // digits with at most one '.' as decimal point
        if (commas > 0 && dots > 0)
        {
            var point = body.LastIndexOf('.');
            if (dots > 1 || body.IndexOf(',') > point || !Groups(body[..point], ',')) return refused;
            plain = body[..point].Replace(",", "") + body[point..];
        }
        else if (commas > 0)
        {
            if (Groups(body, ',')) plain = body.Replace(",", "");
            else if (commas == 1) plain = body.Replace(',', '.');
            else return refused;
        }
        else if (dots > 1)
        {
            if (!Groups(body, '.')) return refused;
            plain = body.Replace(".", "");
        }
        else if (dots == 1 && Groups(body, '.'))
        {
            var asThousands = Parse(sign + body.Replace(".", ""));
            var asDecimal = Parse(sign + body);
            return NumberReading.Refused(new NumberProblem(typed, NumberProblemKind.Ambiguous, asThousands, asDecimal));
        }
        else plain = body;

        if (plain.StartsWith('.') || plain.EndsWith('.')) return refused;
        return decimal.TryParse(sign + plain, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? NumberReading.Of(value)
            : refused;
    }

    /// <summary>A whole number, its thousands grouped or not ("1200", "1 200", "1,200", "1.234.567"); "12,5" is not one.</summary>
    public static NumberReading ReadWhole(string? raw)
    {
        var reading = Read(raw);
        if (reading.Value is { } v && (v != decimal.Truncate(v) || v is > int.MaxValue or < int.MinValue))
            return NumberReading.Refused(new NumberProblem((raw ?? "").Trim(), NumberProblemKind.NotWhole));
        return reading;
    }

    /// <summary>Why a typed number was refused, in the page's language, with both readings of an ambiguous one.</summary>
    public static string Explain(NumberProblem problem, IStringLocalizer<Texts> texts)
    {
        var culture = CultureInfo.CurrentCulture;
        return problem.Kind switch
        {
            NumberProblemKind.Ambiguous => string.Format(culture, texts["number.ambiguous"], problem.Typed,
                problem.AsThousands!.Value.ToString("#,0.##########", culture), Normal(problem.AsDecimal!.Value).ToString("#,0.##########", culture),
                problem.AsThousands.Value.ToString("0.##########", CultureInfo.InvariantCulture),
                problem.AsThousands.Value.ToString("#,0.##########", CultureInfo.InvariantCulture), Unambiguous(problem.AsDecimal.Value)),
            NumberProblemKind.NotWhole => string.Format(culture, texts["number.not-whole"], problem.Typed),
            _ => string.Format(culture, texts["number.not-a-number"], problem.Typed),
        };
    }

    /// <summary>
    /// A stored value to put back in an input so that <see cref="Read"/> gives it back unchanged: no grouping, no trailing
    /// zeros, and never a dot followed by exactly three digits ("1.125" is written "1.1250", a stored 25.000m "25").
    /// </summary>
    public static string ForInput(decimal? value) => value is { } v ? Unambiguous(v) : "";

    /// <summary>The decimal reading as one would type it so that it cannot be read as thousands ("1.234" as "1.2340").</summary>
    private static string Unambiguous(decimal value)
    {
        var text = Normal(value).ToString(CultureInfo.InvariantCulture);
        return Read(text).Problem is null ? text : text + "0";
    }

    private static decimal Normal(decimal value) => value / 1.0000000000000000000000000000m;

    private static decimal Parse(string text) => decimal.Parse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);

    // "1,234", "12,345,678" (or with dots): one to three digits (no leading zero) and then groups of exactly three.
    private static bool Groups(string body, char separator)
    {
        var groups = body.Split(separator);
        var first = groups[0];
        return groups.Length > 1 && first.Length is >= 1 and <= 3 && first[0] != '0' && first.All(char.IsAsciiDigit)
            && groups.Skip(1).All(g => g.Length == 3 && g.All(char.IsAsciiDigit));
    }

    // The sol's sign, old ("S/.") and new ("S/"), and the spaces that group thousands.
    private static string Compact(string typed) =>
        typed.Replace("S/.", "", StringComparison.OrdinalIgnoreCase).Replace("S/", "", StringComparison.OrdinalIgnoreCase)
            .Replace(" ", "").Replace("\u00a0", "").Replace("\u202f", "").Trim();
}

/// <summary>What a typed number came to: blank, a value, or why it was refused.</summary>
public sealed record NumberReading(decimal? Value, NumberProblem? Problem)
{
    public static readonly NumberReading Blank = new(null, null);

    public bool IsBlank => Value is null && Problem is null;

    public static NumberReading Of(decimal value) => new(value, null);

    public static NumberReading Refused(NumberProblem problem) => new(null, problem);
}

public enum NumberProblemKind { NotANumber, NotWhole, Ambiguous }

/// <summary>A typed number that was refused; an ambiguous one carries both its readings.</summary>
public sealed record NumberProblem(string Typed, NumberProblemKind Kind, decimal? AsThousands = null, decimal? AsDecimal = null);
