using Propilas.Rules.Facts;

namespace Propilas.Rules.Diagnosis;

public enum DiagnosisImportErrorKind
{
    NotUtf8,
    EmptyFile,
    NoDataRows,
    MissingColumn,
    UnknownColumn,
    DuplicateColumn,
    CsvSyntax,
    WrongFieldCount,
    Missing,
    NotANumber,
    OutOfRange,
    UnknownValue,
    NotApplicable,
    ExceedsTotal,
    DuplicateLocalitySystem,
    InconsistentLocality,
}

/// <summary>One problem in a survey file, said in Spanish and English. <paramref name="Line"/> is null for file-level problems.</summary>
public sealed record DiagnosisImportError(int? Line, string? Column, DiagnosisImportErrorKind Kind, LocalizedText Text)
{
    /// <summary>In English.</summary>
    public string Message => Text.En;

    public override string ToString() => (Line, Column) switch
    {
        (null, null) => Message,
        (null, _) => $"column {Column}: {Message}",
        (_, null) => $"line {Line}: {Message}",
        _ => $"line {Line}, column {Column}: {Message}",
    };
}
