namespace Propilas.Rules.Diagnosis;

/// <summary>The header names of a diagnosis survey file, in template order.</summary>
public static class SurveyColumns
{
    public const string Locality = "locality";
    public const string Families = "families";
    public const string Population = "population";
    public const string FamiliesWithSafeWater = "families_with_safe_water";
    public const string HasSystem = "has_system";
    public const string SystemName = "system_name";
    public const string YearBuilt = "year_built";
    public const string StateScore = "state_score";
    public const string ManagementScore = "management_score";
    public const string OmScore = "om_score";
    public const string Chlorinates = "chlorinates";
    public const string OmPlan = "om_plan";
    public const string FamiliesSurveyedHygiene = "families_surveyed_hygiene";
    public const string LatrineUse = "latrine_use";
    public const string OpenDefecation = "open_defecation";
    public const string ToiletUse = "toilet_use";
    public const string HandwashingThreeOccasions = "handwashing_three_occasions";
    public const string DrinkTapWater = "drink_tap_water";
    public const string DrinkBoiledWater = "drink_boiled_water";
    public const string DrinkSpringOrWell = "drink_spring_or_well";
    public const string ChildrenUnder5 = "children_under5";
    public const string ChildrenUnder5WithAdd = "children_under5_with_add";

    /// <summary>Must be in the header.</summary>
    public static readonly IReadOnlyList<string> Required =
    [
        Locality, Families, FamiliesWithSafeWater, HasSystem, SystemName, YearBuilt,
        StateScore, ManagementScore, OmScore, Chlorinates, OmPlan,
    ];

    /// <summary>May be left out of the header; a missing column reads as blank (not surveyed).</summary>
    public static readonly IReadOnlyList<string> Optional =
    [
        Population, FamiliesSurveyedHygiene, LatrineUse, OpenDefecation, ToiletUse,
        HandwashingThreeOccasions, DrinkTapWater, DrinkBoiledWater, DrinkSpringOrWell,
        ChildrenUnder5, ChildrenUnder5WithAdd,
    ];

    /// <summary>The template's header, in order.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        Locality, Families, Population, FamiliesWithSafeWater, HasSystem, SystemName, YearBuilt,
        StateScore, ManagementScore, OmScore, Chlorinates, OmPlan,
        FamiliesSurveyedHygiene, LatrineUse, OpenDefecation, ToiletUse, HandwashingThreeOccasions,
        DrinkTapWater, DrinkBoiledWater, DrinkSpringOrWell, ChildrenUnder5, ChildrenUnder5WithAdd,
    ];

    /// <summary>Filled only for a water system: blank when has_system = no.</summary>
    public static readonly IReadOnlyList<string> SystemOnly =
        [SystemName, YearBuilt, StateScore, ManagementScore, OmScore, Chlorinates, OmPlan];

    /// <summary>Where the family defecates: one answer per family, so the counts add up to at most the families surveyed.</summary>
    public static readonly IReadOnlyList<string> SanitationAnswers = [LatrineUse, OpenDefecation, ToiletUse];

    /// <summary>Main source of drinking water: one answer per family.</summary>
    public static readonly IReadOnlyList<string> DrinkingWaterAnswers = [DrinkTapWater, DrinkBoiledWater, DrinkSpringOrWell];

    public static readonly IReadOnlyList<string> HygieneAnswerColumns =
        [.. SanitationAnswers, HandwashingThreeOccasions, .. DrinkingWaterAnswers];

    /// <summary>Each column's Spanish name: a survey file may head its columns in Spanish or in English.</summary>
    public static readonly IReadOnlyDictionary<string, string> Spanish = new Dictionary<string, string>
    {
        [Locality] = "localidad", [Families] = "familias", [Population] = "población", [FamiliesWithSafeWater] = "familias_con_agua_segura",
        [HasSystem] = "tiene_sistema", [SystemName] = "nombre_sistema", [YearBuilt] = "año_construcción", [StateScore] = "puntaje_estado",
        [ManagementScore] = "puntaje_gestión", [OmScore] = "puntaje_aom", [Chlorinates] = "clora", [OmPlan] = "plan_aom",
        [FamiliesSurveyedHygiene] = "familias_encuestadas_higiene", [LatrineUse] = "uso_letrina", [OpenDefecation] = "defecación_aire_libre",
        [ToiletUse] = "uso_inodoro", [HandwashingThreeOccasions] = "lavado_manos_tres_momentos", [DrinkTapWater] = "bebe_agua_grifo",
        [DrinkBoiledWater] = "bebe_agua_hervida", [DrinkSpringOrWell] = "bebe_agua_manantial_pozo", [ChildrenUnder5] = "niños_menores_5",
        [ChildrenUnder5WithAdd] = "niños_menores_5_con_eda",
    };

    private static readonly Dictionary<string, string> FromSpanish = Spanish.ToDictionary(c => WithoutAccents(c.Value), c => c.Key);

    /// <summary>The column a header names, in Spanish (with or without its accents) or English, lower case; an unknown header as it is.</summary>
    public static string Canonical(string header) => FromSpanish.GetValueOrDefault(WithoutAccents(header), header);

    private static string WithoutAccents(string text) =>
        new string(text.Normalize(System.Text.NormalizationForm.FormD)
            .Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark).ToArray())
            .Normalize(System.Text.NormalizationForm.FormC);

    /// <summary>A column's name in a language ("es" or "en"); for a pair ("a+b") each part; an unknown name as it is.</summary>
    public static string In(string column, string language) =>
        language.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? column
            : string.Join('+', column.Split('+').Select(c => Spanish.GetValueOrDefault(c, c)));

    /// <summary>"es" when a file's header names its columns in Spanish, else "en": its problems name the columns as the file does.</summary>
    public static string LanguageOf(byte[] content)
    {
        var firstLine = System.Text.Encoding.UTF8.GetString(content).Split('\n', 2)[0];
        var header = Propilas.Rules.Csv.CsvReader.Parse(firstLine).Records.FirstOrDefault()?.Fields ?? [];
        return header.Any(h => FromSpanish.ContainsKey(WithoutAccents(h.Trim().Trim('\uFEFF').ToLowerInvariant()))) ? "es" : "en";
    }
}
