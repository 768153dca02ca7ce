namespace Propilas.Rules.Diagnosis;

/// <summary>A district's diagnosis survey: every rural locality, with its water systems.</summary>
public sealed record DiagnosisSurvey(IReadOnlyList<SurveyedLocality> Localities)
{
    public IEnumerable<SurveyedWaterSystem> Systems => Localities.SelectMany(l => l.Systems);
}

/// <param name="Systems">Empty when the locality has no water system.</param>
public sealed record SurveyedLocality(
    string Name,
    int Families,
    int? Population,
    int FamiliesWithSafeWater,
    HygieneAnswers Hygiene,
    ChildHealthAnswers ChildHealth,
    IReadOnlyList<SurveyedWaterSystem> Systems);

public sealed record SurveyedWaterSystem(
    string Name,
    int? YearBuilt,
    SustainabilityScores Scores,
    bool Chlorinates,
    bool HasOmPlan);

/// <summary>The three dimensions of a system's sustainability, each scored 1 (worst) to 4 (best).</summary>
/// <param name="State">State of the system: quantity, quality, coverage, continuity, condition of the infrastructure.</param>
public sealed record SustainabilityScores(decimal State, decimal Management, decimal OperationAndMaintenance);

/// <summary>
/// Family-survey answers as counts of families. Null means the question was not surveyed
/// in this locality, which is not the same as 0 families.
/// </summary>
public sealed record HygieneAnswers(
    int? FamiliesSurveyed,
    int? LatrineUse,
    int? OpenDefecation,
    int? ToiletUse,
    int? HandwashingThreeOccasions,
    int? DrinkTapWater,
    int? DrinkBoiledWater,
    int? DrinkSpringOrWell);

/// <summary>Acute diarrhoeal disease (ADD) in children under five; null when not surveyed.</summary>
public sealed record ChildHealthAnswers(int? ChildrenUnder5, int? ChildrenUnder5WithAdd);
