using Propilas.Rules.Facts;
using static Propilas.Rules.Diagnosis.SurveyColumns;
using Kind = Propilas.Rules.Diagnosis.DiagnosisImportErrorKind;

namespace Propilas.Rules.Diagnosis;

/// <summary>Reads one data row and checks what can be checked within the row.</summary>
internal static class SurveyRowParser
{
    private const int MaxFamilies = 100_000;
    private const int MaxPeople = 1_000_000;
    private const int FirstYear = 1900;

    public static SurveyRow Parse(SurveyRowFields f)
    {
        var families = f.WholeNumber(Families, 1, MaxFamilies);
        var row = new SurveyRow(
            f.Line,
            f.Raw(Locality),
            families,
            f.WholeNumber(Population, 1, MaxPeople),
            f.WholeNumber(FamiliesWithSafeWater, 0, MaxFamilies),
            f.Boolean(HasSystem),
            f.Raw(SystemName),
            f.WholeNumber(YearBuilt, FirstYear, DateTime.UtcNow.Year),
            f.Score(StateScore),
            f.Score(ManagementScore),
            f.Score(OmScore),
            f.Boolean(Chlorinates),
            f.Boolean(OmPlan),
            new HygieneAnswers(
                f.WholeNumber(FamiliesSurveyedHygiene, 1, MaxFamilies),
                f.WholeNumber(LatrineUse, 0, MaxFamilies),
                f.WholeNumber(OpenDefecation, 0, MaxFamilies),
                f.WholeNumber(ToiletUse, 0, MaxFamilies),
                f.WholeNumber(HandwashingThreeOccasions, 0, MaxFamilies),
                f.WholeNumber(DrinkTapWater, 0, MaxFamilies),
                f.WholeNumber(DrinkBoiledWater, 0, MaxFamilies),
                f.WholeNumber(DrinkSpringOrWell, 0, MaxFamilies)),
            new ChildHealthAnswers(
                f.WholeNumber(ChildrenUnder5, 0, MaxPeople),
                f.WholeNumber(ChildrenUnder5WithAdd, 0, MaxPeople)),
            f.Invalid);

        CheckRequired(f);
        CheckSystemColumns(f, row.HasSystem);
        CheckLocalityTotals(f, row);
        CheckHygiene(f, row.Hygiene, row.Families);
        CheckChildHealth(f, row.ChildHealth);
        return row;
    }

    private static void CheckRequired(SurveyRowFields f)
    {
        foreach (var column in (string[])[Locality, Families, FamiliesWithSafeWater, HasSystem])
            if (f.IsBlank(column))
                f.Error(column, Kind.Missing, new LocalizedText("falta", "missing"));
    }

    private static void CheckSystemColumns(SurveyRowFields f, bool? hasSystem)
    {
        foreach (var column in SystemOnly)
        {
            if (hasSystem == true && column != YearBuilt && f.IsBlank(column))
                f.Error(column, Kind.Missing, new LocalizedText("falta (obligatorio cuando has_system = yes)", "missing (required when has_system = yes)"));
            else if (hasSystem == false && !f.IsBlank(column))
                f.Error(column, Kind.NotApplicable, new LocalizedText("debe quedar en blanco cuando has_system = no", "must be blank when has_system = no"));
        }
    }

    private static void CheckLocalityTotals(SurveyRowFields f, SurveyRow row)
    {
        if (row.FamiliesWithSafeWater > row.Families)
            f.Error(FamiliesWithSafeWater, Kind.ExceedsTotal,
                new LocalizedText($"{row.FamiliesWithSafeWater} es mayor que families ({row.Families})", $"{row.FamiliesWithSafeWater} is greater than families ({row.Families})"));
        if (row.Population < row.Families)
            f.Error(Population, Kind.OutOfRange, new LocalizedText($"{row.Population} personas son menos que families ({row.Families})", $"{row.Population} people is fewer than families ({row.Families})"));
    }

    private static void CheckHygiene(SurveyRowFields f, HygieneAnswers h, int? families)
    {
        var surveyed = h.FamiliesSurveyed;
        if (surveyed > families)
            f.Error(FamiliesSurveyedHygiene, Kind.ExceedsTotal, new LocalizedText($"{surveyed} es mayor que families ({families})", $"{surveyed} is greater than families ({families})"));

        var answered = HygieneAnswerColumns.Where(c => !f.IsBlank(c)).ToList();
        if (answered.Count == 0) return;
        if (surveyed is null)
        {
            if (f.IsBlank(FamiliesSurveyedHygiene))
                f.Error(FamiliesSurveyedHygiene, Kind.Missing, new LocalizedText("falta (obligatorio cuando hay respuestas de higiene)", "missing (required when hygiene answers are given)"));
            return;
        }

        var counts = HygieneCounts(h);
        var tooMany = answered.Where(c => counts[c] > surveyed).ToList();
        foreach (var column in tooMany)
            f.Error(column, Kind.ExceedsTotal, new LocalizedText($"{counts[column]} es mayor que families_surveyed_hygiene ({surveyed})", $"{counts[column]} is greater than families_surveyed_hygiene ({surveyed})"));
        if (tooMany.Count > 0) return;

        foreach (var group in (IReadOnlyList<string>[])[SanitationAnswers, DrinkingWaterAnswers])
        {
            var sum = group.Sum(c => counts[c] ?? 0);
            if (sum > surveyed)
                f.Error(string.Join('+', group), Kind.ExceedsTotal,
                    new LocalizedText($"las respuestas suman {sum}, más que families_surveyed_hygiene ({surveyed}); cada familia da una sola respuesta",
                        $"the answers add up to {sum}, more than families_surveyed_hygiene ({surveyed}); each family gives one answer"));
        }
    }

    private static Dictionary<string, int?> HygieneCounts(HygieneAnswers h) => new()
    {
        [LatrineUse] = h.LatrineUse,
        [OpenDefecation] = h.OpenDefecation,
        [ToiletUse] = h.ToiletUse,
        [HandwashingThreeOccasions] = h.HandwashingThreeOccasions,
        [DrinkTapWater] = h.DrinkTapWater,
        [DrinkBoiledWater] = h.DrinkBoiledWater,
        [DrinkSpringOrWell] = h.DrinkSpringOrWell,
    };

    private static void CheckChildHealth(SurveyRowFields f, ChildHealthAnswers c)
    {
        if (!f.IsBlank(ChildrenUnder5WithAdd) && f.IsBlank(ChildrenUnder5))
            f.Error(ChildrenUnder5, Kind.Missing, new LocalizedText("falta (obligatorio cuando se da children_under5_with_add)", "missing (required when children_under5_with_add is given)"));
        if (c.ChildrenUnder5WithAdd > c.ChildrenUnder5)
            f.Error(ChildrenUnder5WithAdd, Kind.ExceedsTotal,
                new LocalizedText($"{c.ChildrenUnder5WithAdd} es mayor que children_under5 ({c.ChildrenUnder5})", $"{c.ChildrenUnder5WithAdd} is greater than children_under5 ({c.ChildrenUnder5})"));
    }
}
