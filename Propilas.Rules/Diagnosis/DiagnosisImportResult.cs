using System.Diagnostics.CodeAnalysis;

namespace Propilas.Rules.Diagnosis;

/// <summary>Either the whole survey or every error found; never part of a file.</summary>
public sealed record DiagnosisImportResult
{
    private DiagnosisImportResult(DiagnosisSurvey? survey, IReadOnlyList<DiagnosisImportError> errors)
    {
        Survey = survey;
        Errors = errors;
    }

    public DiagnosisSurvey? Survey { get; }
    public IReadOnlyList<DiagnosisImportError> Errors { get; }

    [MemberNotNullWhen(true, nameof(Survey))]
    public bool Succeeded => Survey is not null;

    public static DiagnosisImportResult Imported(DiagnosisSurvey survey) => new(survey, []);

    public static DiagnosisImportResult Rejected(IReadOnlyList<DiagnosisImportError> errors) =>
        errors.Count > 0 ? new(null, errors) : throw new ArgumentException("A rejection needs at least one error.", nameof(errors));
}
