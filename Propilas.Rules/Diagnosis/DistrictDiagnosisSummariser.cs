namespace Propilas.Rules.Diagnosis;

/// <summary>Computes a district's figures, as in districts.csv, from its survey.</summary>
public static class DistrictDiagnosisSummariser
{
    /// <param name="province">Not in the survey file: the survey describes localities of one district.</param>
    public static DistrictDiagnosisSummary Summarise(string district, string province, DiagnosisSurvey survey, SustainabilityRules rules)
    {
        var localities = survey.Localities;
        if (localities.Count == 0)
            throw new ArgumentException("A diagnosis survey has at least one locality.", nameof(survey));
        var systems = survey.Systems.ToList();
        var categories = systems.Select(s => rules.Classify(s.Scores).Category).ToList();
        int Systems(SustainabilityCategory category) => categories.Count(c => c == category);
        var families = localities.Sum(l => l.Families);

        return new DistrictDiagnosisSummary(
            district,
            province,
            localities.Count,
            families,
            Percent.Of(localities.Sum(l => l.FamiliesWithSafeWater), families)!.Value,
            Systems(SustainabilityCategory.Sustainable),
            Systems(SustainabilityCategory.Deteriorating),
            Systems(SustainabilityCategory.SevereDeterioration),
            Systems(SustainabilityCategory.Collapsed),
            systems.Count,
            systems.Count(s => s.HasOmPlan),
            systems.Count(s => s.Chlorinates),
            HygienePct(localities, h => h.LatrineUse),
            HygienePct(localities, h => h.OpenDefecation),
            HygienePct(localities, h => h.ToiletUse),
            HygienePct(localities, h => h.HandwashingThreeOccasions),
            HygienePct(localities, h => h.DrinkTapWater),
            HygienePct(localities, h => h.DrinkBoiledWater),
            HygienePct(localities, h => h.DrinkSpringOrWell),
            AddPrevalencePct(localities));
    }

    /// <summary>Share of the families surveyed in the localities where this question was asked.</summary>
    private static int? HygienePct(IEnumerable<SurveyedLocality> localities, Func<HygieneAnswers, int?> answer)
    {
        var asked = localities.Select(l => l.Hygiene).Where(h => answer(h) is not null && h.FamiliesSurveyed is not null).ToList();
        return asked.Count == 0 ? null : Percent.Of(asked.Sum(h => answer(h)!.Value), asked.Sum(h => h.FamiliesSurveyed!.Value));
    }

    private static int? AddPrevalencePct(IEnumerable<SurveyedLocality> localities)
    {
        var asked = localities.Select(l => l.ChildHealth)
            .Where(c => c is { ChildrenUnder5: not null, ChildrenUnder5WithAdd: not null }).ToList();
        return asked.Count == 0 ? null : Percent.Of(asked.Sum(c => c.ChildrenUnder5WithAdd!.Value), asked.Sum(c => c.ChildrenUnder5!.Value));
    }
}
