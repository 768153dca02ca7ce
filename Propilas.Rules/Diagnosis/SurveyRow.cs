namespace Propilas.Rules.Diagnosis;

/// <summary>One data row, typed; null where blank or unreadable (see <see cref="Invalid"/>).</summary>
internal sealed record SurveyRow(
    int Line,
    string? Locality,
    int? Families,
    int? Population,
    int? FamiliesWithSafeWater,
    bool? HasSystem,
    string? SystemName,
    int? YearBuilt,
    decimal? StateScore,
    decimal? ManagementScore,
    decimal? OmScore,
    bool? Chlorinates,
    bool? OmPlan,
    HygieneAnswers Hygiene,
    ChildHealthAnswers ChildHealth,
    IReadOnlySet<string> Invalid)
{
    /// <summary>The locality-level values, by column, to check that all rows of a locality agree.</summary>
    public IEnumerable<(string Column, object? Value)> LocalityValues()
    {
        yield return (SurveyColumns.Families, Families);
        yield return (SurveyColumns.Population, Population);
        yield return (SurveyColumns.FamiliesWithSafeWater, FamiliesWithSafeWater);
        yield return (SurveyColumns.FamiliesSurveyedHygiene, Hygiene.FamiliesSurveyed);
        yield return (SurveyColumns.LatrineUse, Hygiene.LatrineUse);
        yield return (SurveyColumns.OpenDefecation, Hygiene.OpenDefecation);
        yield return (SurveyColumns.ToiletUse, Hygiene.ToiletUse);
        yield return (SurveyColumns.HandwashingThreeOccasions, Hygiene.HandwashingThreeOccasions);
        yield return (SurveyColumns.DrinkTapWater, Hygiene.DrinkTapWater);
        yield return (SurveyColumns.DrinkBoiledWater, Hygiene.DrinkBoiledWater);
        yield return (SurveyColumns.DrinkSpringOrWell, Hygiene.DrinkSpringOrWell);
        yield return (SurveyColumns.ChildrenUnder5, ChildHealth.ChildrenUnder5);
        yield return (SurveyColumns.ChildrenUnder5WithAdd, ChildHealth.ChildrenUnder5WithAdd);
    }
}
