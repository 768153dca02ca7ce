using Propilas.Rules.Diagnosis;
using C = Propilas.Rules.Diagnosis.SurveyColumns;

namespace Propilas.Rules.Tests.Diagnosis;

/// <summary>Builds survey files for tests: a valid row by default, with the named columns changed.</summary>
internal static class SurveyCsv
{
    public static readonly string Header = string.Join(',', C.All);

    private static readonly Dictionary<string, string> ValidSystemRow = new()
    {
        [C.Locality] = "Santa Rosa", [C.Families] = "80", [C.Population] = "420", [C.FamiliesWithSafeWater] = "60",
        [C.HasSystem] = "yes", [C.SystemName] = "SAP Santa Rosa", [C.YearBuilt] = "1994",
        [C.StateScore] = "3", [C.ManagementScore] = "3", [C.OmScore] = "2", [C.Chlorinates] = "yes", [C.OmPlan] = "no",
        [C.FamiliesSurveyedHygiene] = "20", [C.LatrineUse] = "12", [C.OpenDefecation] = "8", [C.ToiletUse] = "",
        [C.HandwashingThreeOccasions] = "5", [C.DrinkTapWater] = "15", [C.DrinkBoiledWater] = "3", [C.DrinkSpringOrWell] = "2",
        [C.ChildrenUnder5] = "10", [C.ChildrenUnder5WithAdd] = "2",
    };

    public static string Row(params (string Column, string Value)[] changes)
    {
        var values = new Dictionary<string, string>(ValidSystemRow);
        foreach (var (column, value) in changes) values[column] = value;
        return string.Join(',', C.All.Select(c => Quote(values[c])));
    }

    public static string NoSystemRow(params (string Column, string Value)[] changes) =>
        Row([.. C.SystemOnly.Select(c => (c, "")), (C.HasSystem, "no"), (C.FamiliesWithSafeWater, "0"), .. changes]);

    public static string SurveyFile(params string[] rows) => string.Join('\n', [Header, .. rows]) + "\n";

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
}
