using System.Text;
using Propilas.Rules.Csv;

namespace Propilas.Rules.Diagnosis;

/// <summary>Renders summaries exactly as districts.csv: same header, LF line ends, blank where not surveyed.</summary>
public static class DistrictSummaryCsv
{
    public const string Header =
        "district,province,localities,families,water_coverage_pct,systems_sustainable,systems_deteriorating," +
        "systems_severe_deterioration,systems_collapsed,systems_total,systems_with_om_plan,systems_chlorinating," +
        "latrine_use_pct,open_defecation_pct,toilet_use_pct,handwashing_three_occasions_pct,drink_tap_water_pct," +
        "drink_boiled_water_pct,drink_spring_or_well_pct,add_prevalence_under5_pct";

    /// <summary>The header and one line per summary, each ending with a line feed.</summary>
    public static string Write(IEnumerable<DistrictDiagnosisSummary> summaries)
    {
        var csv = new StringBuilder(Header).Append('\n');
        foreach (var summary in summaries)
            csv.Append(Line(summary)).Append('\n');
        return csv.ToString();
    }

    public static string Line(DistrictDiagnosisSummary s) => CsvCells.Line(
        Text(s.District), Text(s.Province),
        Number(s.Localities), Number(s.Families), Number(s.WaterCoveragePct),
        Number(s.SystemsSustainable), Number(s.SystemsDeteriorating), Number(s.SystemsSevereDeterioration),
        Number(s.SystemsCollapsed), Number(s.SystemsTotal), Number(s.SystemsWithOmPlan), Number(s.SystemsChlorinating),
        Number(s.LatrineUsePct), Number(s.OpenDefecationPct), Number(s.ToiletUsePct),
        Number(s.HandwashingThreeOccasionsPct), Number(s.DrinkTapWaterPct), Number(s.DrinkBoiledWaterPct),
        Number(s.DrinkSpringOrWellPct), Number(s.AddPrevalenceUnder5Pct));

    private static string Number(int? value) => CsvCells.Number(value);

    private static string Text(string value) => CsvCells.Text(value);
}
