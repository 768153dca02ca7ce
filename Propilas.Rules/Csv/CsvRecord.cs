using Propilas.Rules.Facts;

namespace Propilas.Rules.Csv;

/// <summary>One CSV record; <paramref name="Line"/> is the 1-based physical line where it starts.</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields)
{
    public bool IsBlank => Fields.All(string.IsNullOrWhiteSpace);
}

public sealed record CsvSyntaxError(int Line, LocalizedText Text);

public sealed record CsvDocument(IReadOnlyList<CsvRecord> Records, IReadOnlyList<CsvSyntaxError> Errors);
