namespace Propilas.Rules.Facts;

/// <summary>
/// What a district's planning data holds when a step of its process is decided: whether it has a diagnosis and
/// investment-plan inputs, the plan computed from them (rounded as shown), and the evidence of its process.
/// </summary>
public sealed record DistrictPlanningFacts : IRuleFact
{
    /// <summary>Slug of the district, e.g. <c>san-juan</c>.</summary>
    public required string DistrictKey { get; init; }
    public required string Name { get; init; }

    public required bool HasDiagnosis { get; init; }
    public required int DiagnosisLocalities { get; init; }

    public required bool HasInvestmentInputs { get; init; }
    /// <summary>The computed plan's totals in soles, rounded to the unit; 0 without inputs.</summary>
    public required decimal PlannedTotalInvestment { get; init; }
    public required decimal PlannedMunicipalCommitment { get; init; }
    public required decimal PlannedBalance { get; init; }

    /// <summary>The district's planning process, as recorded (for a step being completed: with its new evidence).</summary>
    public required ProcessEvidenceFacts Process { get; init; }

    public RuleSubject Subject => RuleSubject.District(DistrictKey);
}
