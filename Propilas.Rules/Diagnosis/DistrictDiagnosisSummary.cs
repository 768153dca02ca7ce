namespace Propilas.Rules.Diagnosis;

/// <summary>
/// One line of districts.csv: the district's diagnosis figures. Percentages are whole numbers;
/// a null percentage means the question was not surveyed in the district.
/// </summary>
public sealed record DistrictDiagnosisSummary(
    string District,
    string Province,
    int Localities,
    int Families,
    int WaterCoveragePct,
    int SystemsSustainable,
    int SystemsDeteriorating,
    int SystemsSevereDeterioration,
    int SystemsCollapsed,
    int SystemsTotal,
    int SystemsWithOmPlan,
    int SystemsChlorinating,
    int? LatrineUsePct,
    int? OpenDefecationPct,
    int? ToiletUsePct,
    int? HandwashingThreeOccasionsPct,
    int? DrinkTapWaterPct,
    int? DrinkBoiledWaterPct,
    int? DrinkSpringOrWellPct,
    int? AddPrevalenceUnder5Pct);
