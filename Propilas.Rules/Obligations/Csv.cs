using System.Text;

namespace Propilas.Rules.Obligations;

/// <summary>Reads small RFC 4180 CSV files (quoted fields, doubled quotes); the first line is the header.</summary>
internal static class Csv
{
    public static IReadOnlyList<string[]> ReadRows(string path, IReadOnlyList<string> expectedHeader)
    {
        var file = Path.GetFileName(path);
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToList();
        if (lines.Count == 0 || !ParseLine(lines[0]).SequenceEqual(expectedHeader))
            throw new InvalidDataException($"{file}: the header must be '{string.Join(",", expectedHeader)}'");
        var rows = new List<string[]>();
        for (var i = 1; i < lines.Count; i++)
        {
            var fields = ParseLine(lines[i]);
            if (fields.Length != expectedHeader.Count)
                throw new InvalidDataException($"{file} line {i + 1}: expected {expectedHeader.Count} fields, found {fields.Length}");
            rows.Add(fields);
        }
        return rows;
    }

    private static string[] ParseLine(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c != '"') field.Append(c);
                else if (i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
                else quoted = false;
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        if (quoted) throw new InvalidDataException($"unclosed quote in: {line}");
        fields.Add(field.ToString());
        return [.. fields];
    }
}
