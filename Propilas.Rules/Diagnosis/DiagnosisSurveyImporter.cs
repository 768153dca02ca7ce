using Propilas.Rules.Csv;
using System.Text;
using Propilas.Rules.Facts;
using Kind = Propilas.Rules.Diagnosis.DiagnosisImportErrorKind;

namespace Propilas.Rules.Diagnosis;

/// <summary>
/// Imports a district's diagnosis survey from CSV (columns in diagnosis/README.md beside the seed files).
/// All or nothing: a file with any error imports nothing and every error is reported.
/// </summary>
public static class DiagnosisSurveyImporter
{
    public static DiagnosisImportResult ImportFile(string path) => Import(File.ReadAllBytes(path));

    public static DiagnosisImportResult Import(Stream stream)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return Import(buffer.ToArray());
    }

    public static DiagnosisImportResult Import(byte[] content) =>
        Utf8Text.TryDecode(content, out var text, out var error)
            ? ImportText(text)
            : DiagnosisImportResult.Rejected([new(null, null, Kind.NotUtf8, error!)]);

    private static readonly LocalizedText FileIsEmpty = new("el archivo está vacío", "the file is empty");

    public static DiagnosisImportResult ImportText(string text)
    {
        text = (text.StartsWith('\uFEFF') ? text[1..] : text).Normalize(NormalizationForm.FormC);
        if (string.IsNullOrWhiteSpace(text))
            return DiagnosisImportResult.Rejected([new(null, null, Kind.EmptyFile, FileIsEmpty)]);

        var document = CsvReader.Parse(text);
        var errors = document.Errors.Select(e => new DiagnosisImportError(e.Line, null, Kind.CsvSyntax, e.Text)).ToList();
        var records = document.Records.Where(r => !r.IsBlank).ToList();
        if (records.Count == 0)
            return Rejected(errors.Count > 0 ? errors : [new(null, null, Kind.EmptyFile, FileIsEmpty)]);

        var header = records[0].Fields.Select(h => SurveyColumns.Canonical(h.Trim().ToLowerInvariant())).ToList();
        var headerErrors = CheckHeader(header);
        if (headerErrors.Count > 0)
            return Rejected([.. headerErrors, .. errors]);

        var columnIndex = header.Select((name, i) => (name, i)).ToDictionary(c => c.name, c => c.i);
        var rows = new List<SurveyRow>();
        foreach (var record in records.Skip(1))
        {
            if (record.Fields.Count != header.Count)
                errors.Add(new(record.Line, null, Kind.WrongFieldCount,
                    new LocalizedText($"la fila tiene {record.Fields.Count} campos y el encabezado {header.Count}",
                        $"the row has {record.Fields.Count} fields, the header has {header.Count}")));
            else
                rows.Add(SurveyRowParser.Parse(new SurveyRowFields(record, columnIndex, errors)));
        }

        if (records.Count == 1 && errors.Count == 0)
            errors.Add(new(null, null, Kind.NoDataRows, new LocalizedText("el archivo tiene encabezado pero ninguna localidad", "the file has a header but no localities")));
        SurveyAssembler.CheckAcrossRows(rows, errors);

        return errors.Count > 0
            ? Rejected(errors)
            : DiagnosisImportResult.Imported(SurveyAssembler.Build(rows));
    }

    private static List<DiagnosisImportError> CheckHeader(IReadOnlyList<string> header)
    {
        var errors = new List<DiagnosisImportError>();
        foreach (var duplicate in header.GroupBy(h => h).Where(g => g.Count() > 1 && g.Key != ""))
            errors.Add(new(null, duplicate.Key, Kind.DuplicateColumn, new LocalizedText("la columna aparece más de una vez en el encabezado", "the column appears more than once in the header")));
        for (var i = 0; i < header.Count; i++)
        {
            if (header[i] == "")
                errors.Add(new(null, null, Kind.UnknownColumn, new LocalizedText($"el campo {i + 1} del encabezado está vacío", $"header field {i + 1} is empty")));
            else if (!SurveyColumns.All.Contains(header[i]))
                errors.Add(new(null, header[i], Kind.UnknownColumn, new LocalizedText("columna desconocida (los nombres de las columnas están en la plantilla)", "unknown column (see the template for the column names)")));
        }
        foreach (var missing in SurveyColumns.Required.Except(header))
            errors.Add(new(null, missing, Kind.MissingColumn, new LocalizedText("falta en el encabezado esta columna obligatoria", "required column is missing from the header")));
        return errors;
    }

    private static DiagnosisImportResult Rejected(IEnumerable<DiagnosisImportError> errors) =>
        DiagnosisImportResult.Rejected(errors.OrderBy(e => e.Line ?? 0).ThenBy(e => ColumnOrder(e.Column)).ToList());

    private static int ColumnOrder(string? column) => column is null
        ? -1
        : SurveyColumns.All.ToList().IndexOf(column.Split('+')[0]) is var i and >= 0 ? i : int.MaxValue;
}
