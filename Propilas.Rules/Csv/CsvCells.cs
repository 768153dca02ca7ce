using System.Globalization;

namespace Propilas.Rules.Csv;

/// <summary>
/// The cells of every CSV the application writes. Text is quoted only when RFC 4180 needs it, and a text that a spreadsheet
/// would run as a formula (it starts with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return) is written after a
/// single quote, so it shows as the text it is (OWASP's advice on CSV injection). Numbers are written as numbers.
/// </summary>
public static class CsvCells
{
    public static string Text(string? value)
    {
        var text = value ?? "";
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r') text = "'" + text;
        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{text.Replace("\"", "\"\"")}\"" : text;
    }

    public static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    public static string Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    /// <summary>One line of cells, already written, without its line end.</summary>
    public static string Line(params IEnumerable<string> cells) => string.Join(',', cells);
}
