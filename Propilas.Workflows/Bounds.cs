namespace Propilas.Workflows;

/// <summary>
/// How much any request may carry: each text, list and number a person or a caller sends has a limit that fits its
/// field, and beyond it is refused with a message naming the field. The engine's evidence and every request the host
/// validates read their limits and checks here (the calculators' numbers are bounded by their own Validate methods,
/// which answer in Spanish and English).
/// </summary>
public static class Bounds
{
    /// <summary>A short word or unit ("families", "km").</summary>
    public const int Word = 60;

    /// <summary>A district, province, department, role or person's name.</summary>
    public const int Name = 120;

    /// <summary>An organisation's name, a party, a contact.</summary>
    public const int Title = 200;

    /// <summary>A sentence: what a commitment is, a goal, why something was cancelled.</summary>
    public const int Line = 500;

    /// <summary>Free text over several lines: evidence, findings, the reason of a rejection.</summary>
    public const int Text = 4000;

    /// <summary>The items of one evidence list (the dates of a year's weekly meetings fit).</summary>
    public const int ListItems = 400;

    /// <summary>Districts in one calculation: Peru has 1,891, so the whole national programme fits.</summary>
    public const int CalculationDistricts = 2000;

    /// <summary>Soles (and any amount of evidence): far above any district's budget, far below where sums lose their meaning.</summary>
    public const decimal Money = 100_000_000_000m;

    /// <summary>People, and any count of evidence (families surveyed, attendees): above any district's population.</summary>
    public const int People = 10_000_000;

    /// <summary>A count of things such as installments or fixtures.</summary>
    public const int Count = 10_000;

    /// <summary>Bytes of a JSON or form request body (a survey upload has its own limit).</summary>
    public const long Body = 1024 * 1024;

    public const string ControlCharacters = "must not contain control characters";

    /// <summary>Why a (trimmed) text does not fit, or null. Multi-line texts may hold line breaks and tabs; no text may hold
    /// other control characters (NUL, BEL...) or the invisible marks that reverse how text reads (U+202E...).</summary>
    public static string? TextProblem(string text, int max, bool multiLine = false)
    {
        if (text.Length > max) return $"must be at most {max} characters";
        foreach (var c in text)
            if (IsRefused(c, multiLine)) return ControlCharacters;
        return null;
    }

    public static string? CountProblem(int count, int max) => count > max ? $"must have at most {max} items" : null;

    /// <summary>Why a number is too large, or null (whether it may be negative or zero is the field's own rule).</summary>
    public static string? NumberProblem(decimal? value, decimal max) => value > max ? $"must not exceed {max:0.##}" : null;

    private static bool IsRefused(char c, bool multiLine) =>
        c is '\n' or '\r' or '\t' ? !multiLine
        : char.IsControl(c) // C0, DEL and C1
          || c is >= '\u202A' and <= '\u202E' // embeddings and overrides
          || c is >= '\u2066' and <= '\u2069' // isolates
          || c is '\u200E' or '\u200F' or '\u061C'; // direction marks
}
