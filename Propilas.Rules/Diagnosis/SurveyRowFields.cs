using Propilas.Rules.Csv;
using System.Globalization;
using Propilas.Rules.Facts;

namespace Propilas.Rules.Diagnosis;

/// <summary>Typed access to one data row's fields; every failed conversion is recorded as an error.</summary>
internal sealed class SurveyRowFields(CsvRecord record, IReadOnlyDictionary<string, int> columnIndex, List<DiagnosisImportError> errors)
{
    private readonly HashSet<string> _invalid = [];

    public int Line => record.Line;

    /// <summary>Columns whose value was present but unreadable; cross-checks skip them.</summary>
    public IReadOnlySet<string> Invalid => _invalid;

    /// <summary>The trimmed value, or null when blank or when the (optional) column is absent.</summary>
    public string? Raw(string column) =>
        columnIndex.TryGetValue(column, out var i) && !string.IsNullOrWhiteSpace(record.Fields[i])
            ? record.Fields[i].Trim()
            : null;

    public bool IsBlank(string column) => Raw(column) is null;

    public int? WholeNumber(string column, int min, int max)
    {
        if (Raw(column) is not { } text) return null;
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            return Fail<int?>(column, DiagnosisImportErrorKind.NotANumber, new LocalizedText($"'{text}' no es un número entero", $"'{text}' is not a whole number"));
        if (value < min || value > max)
            return Fail<int?>(column, DiagnosisImportErrorKind.OutOfRange, new LocalizedText($"{value} está fuera del rango ({min} a {max})", $"{value} is out of range ({min} to {max})"));
        return value;
    }

    public decimal? Score(string column)
    {
        if (Raw(column) is not { } text) return null;
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            return Fail<decimal?>(column, DiagnosisImportErrorKind.NotANumber, new LocalizedText($"'{text}' no es un número (use punto para los decimales)", $"'{text}' is not a number (use a dot for decimals)"));
        if (value < SustainabilityScale.Min || value > SustainabilityScale.Max)
            return Fail<decimal?>(column, DiagnosisImportErrorKind.OutOfRange,
                new LocalizedText($"{text} está fuera del rango ({SustainabilityScale.Min} a {SustainabilityScale.Max})",
                    $"{text} is out of range ({SustainabilityScale.Min} to {SustainabilityScale.Max})"));
        return value;
    }

    public bool? Boolean(string column)
    {
        if (Raw(column) is not { } text) return null;
        return YesNo.TryParse(text, out var value)
            ? value
            : Fail<bool?>(column, DiagnosisImportErrorKind.UnknownValue, new LocalizedText($"'{text}' no es una respuesta sí/no (use {YesNo.Accepted})", $"'{text}' is not a yes/no answer (use {YesNo.Accepted})"));
    }

    public void Error(string column, DiagnosisImportErrorKind kind, LocalizedText message) =>
        errors.Add(new DiagnosisImportError(Line, column, kind, message));

    private T? Fail<T>(string column, DiagnosisImportErrorKind kind, LocalizedText message)
    {
        _invalid.Add(column);
        Error(column, kind, message);
        return default;
    }
}
