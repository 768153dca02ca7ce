using System.Text;
using Propilas.Rules.Facts;

namespace Propilas.Rules.Csv;

/// <summary>
/// RFC 4180 reader: comma separated, fields optionally enclosed in double quotes, a quote inside a
/// quoted field doubled, line breaks (CRLF, LF or CR) allowed inside quoted fields.
/// A malformed record is reported and skipped; reading goes on with the next line.
/// </summary>
public static class CsvReader
{
    public static CsvDocument Parse(string text)
    {
        var records = new List<CsvRecord>();
        var errors = new List<CsvSyntaxError>();
        var cursor = new Cursor(text);

        while (!cursor.AtEnd)
        {
            var startLine = cursor.Line;
            var fields = new List<string>();
            LocalizedText? error = null;

            while (true)
            {
                error = !cursor.AtEnd && cursor.Peek == '"' ? ReadQuoted(cursor, fields) : ReadUnquoted(cursor, fields);
                if (error is not null || cursor.AtEnd || cursor.TryEndOfLine()) break;
                cursor.Advance(); // the comma
            }

            if (error is null)
            {
                records.Add(new CsvRecord(startLine, fields));
            }
            else
            {
                errors.Add(new CsvSyntaxError(startLine, error));
                cursor.SkipLine();
            }
        }

        return new CsvDocument(records, errors);
    }

    private static LocalizedText? ReadQuoted(Cursor cursor, List<string> fields)
    {
        var startLine = cursor.Line;
        var value = new StringBuilder();
        cursor.Advance(); // opening quote
        while (true)
        {
            if (cursor.AtEnd)
                return new($"el campo entre comillas abierto en la línea {startLine} nunca se cierra", $"quoted field opened on line {startLine} is never closed");
            var c = cursor.Peek;
            if (c == '"')
            {
                cursor.Advance();
                if (!cursor.AtEnd && cursor.Peek == '"')
                {
                    value.Append('"');
                    cursor.Advance();
                    continue;
                }
                break;
            }
            value.Append(c);
            cursor.Advance();
        }

        if (!cursor.AtEnd && cursor.Peek is not (',' or '\r' or '\n'))
            return new($"'{cursor.Peek}' inesperado después de las comillas de cierre (las comillas dentro de un campo entre comillas van dobles)",
                $"unexpected '{cursor.Peek}' after a closing quote (a quote inside a quoted field must be doubled)");
        fields.Add(value.ToString());
        return null;
    }

    private static LocalizedText? ReadUnquoted(Cursor cursor, List<string> fields)
    {
        var value = new StringBuilder();
        while (!cursor.AtEnd && cursor.Peek is not (',' or '\r' or '\n'))
        {
            if (cursor.Peek == '"')
                return new("comillas dentro de un campo sin comillas (encierre el campo entre comillas y duplique las comillas)",
                    "quote inside an unquoted field (enclose the field in quotes and double the quote)");
            value.Append(cursor.Peek);
            cursor.Advance();
        }
        fields.Add(value.ToString());
        return null;
    }

    private sealed class Cursor(string text)
    {
        private int _position;

        public int Line { get; private set; } = 1;
        public bool AtEnd => _position >= text.Length;
        public char Peek => text[_position];

        public void Advance()
        {
            var c = text[_position++];
            if (c == '\n' || (c == '\r' && (AtEnd || text[_position] != '\n'))) Line++;
        }

        /// <summary>Consumes a line break if one is next.</summary>
        public bool TryEndOfLine()
        {
            if (Peek == '\r')
            {
                Advance();
                if (!AtEnd && Peek == '\n') Advance();
                return true;
            }
            if (Peek == '\n')
            {
                Advance();
                return true;
            }
            return false;
        }

        public void SkipLine()
        {
            while (!AtEnd && !TryEndOfLine()) Advance();
        }
    }
}
