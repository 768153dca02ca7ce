namespace Propilas.Rules.Csv;

/// <summary>
/// A data file read whole (seed tables, the stakeholder-role matrix): a header line, then records read by
/// <see cref="CsvReader"/>. Unlike an uploaded survey, a bad data file is not reported and skipped: the first syntax
/// error, a header other than the expected one, or a record of the wrong width stops the read, naming the file and line.
/// </summary>
public static class CsvTable
{
    public static IReadOnlyList<CsvRow> Read(string path, IReadOnlyList<string>? expectedHeader = null)
    {
        var file = Path.GetFileName(path);
        var document = CsvReader.Parse(File.ReadAllText(path));
        if (document.Errors.Count > 0)
        {
            var error = document.Errors[0];
            throw new InvalidDataException($"{file} line {error.Line}: {error.Text.En}");
        }

        var records = document.Records.Where(r => !r.IsBlank).ToList();
        if (records.Count == 0) throw new InvalidDataException($"{file}: the file is empty; its first line must name the columns");
        var header = records[0].Fields.Select(f => f.Trim().TrimStart('\uFEFF')).ToArray();
        if (expectedHeader is not null && !header.SequenceEqual(expectedHeader))
            throw new InvalidDataException($"{file}: the header must be '{string.Join(",", expectedHeader)}'");
        if (header.Distinct().Count() != header.Length)
            throw new InvalidDataException($"{file}: a column is named twice in the header '{string.Join(",", header)}'");

        var columns = header.Select((name, index) => (name, index)).ToDictionary(c => c.name, c => c.index);
        return [.. records.Skip(1).Select(record => record.Fields.Count == header.Length
            ? new CsvRow(file, record.Line, columns, record.Fields)
            : throw new InvalidDataException($"{file} line {record.Line}: expected {header.Length} fields, found {record.Fields.Count}"))];
    }
}

/// <summary>One record of a <see cref="CsvTable"/>, its cells found by column name.</summary>
public sealed class CsvRow(string file, int line, IReadOnlyDictionary<string, int> columns, IReadOnlyList<string> fields)
{
    /// <summary>The 1-based physical line where the record starts.</summary>
    public int Line => line;

    public string this[string column] => columns.TryGetValue(column, out var index)
        ? fields[index]
        : throw new InvalidDataException($"{file}: no column '{column}' in the header");

    /// <summary>"file line N", for messages about this record.</summary>
    public string Where => $"{file} line {line}";
}
