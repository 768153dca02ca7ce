using Propilas.Rules.Csv;
using Propilas.Tests;
using Propilas.Rules.Diagnosis;
using static Propilas.Rules.Tests.Diagnosis.SurveyCsv;
using C = Propilas.Rules.Diagnosis.SurveyColumns;

namespace Propilas.Rules.Tests.Diagnosis;

public class DistrictDiagnosisSummaryTests
{
    /// <summary>The pilots in districts.csv's order, with their seed file.</summary>
    private static readonly (string District, string Province, string File)[] Pilots =
    [
        ("Miguel Iglesias", "Celendín", "miguel-iglesias.csv"),
        ("Utco", "Celendín", "utco.csv"),
        ("San Juan", "Cajamarca", "san-juan.csv"),
        ("Llacanora", "Cajamarca", "llacanora.csv"),
        ("Lajas", "Chota", "lajas.csv"),
        ("Tacabamba", "Chota", "tacabamba.csv"),
    ];

    private readonly SustainabilityRules _rules = DiagnosisTestFiles.ShippedRules();

    private List<DistrictDiagnosisSummary> SeedSummaries() => Pilots.Select(p =>
    {
        var result = DiagnosisSurveyImporter.ImportFile(DiagnosisTestFiles.SeedDiagnosis(p.File));
        Assert.True(result.Succeeded, $"{p.File}:\n{string.Join("\n", result.Errors)}");
        return DistrictDiagnosisSummariser.Summarise(p.District, p.Province, result.Survey, _rules);
    }).ToList();

    [Fact]
    public void Seed_surveys_reproduce_districts_csv_field_for_field()
    {
        var expected = CsvReader.Parse(File.ReadAllText(ReportTables.File("districts.csv"))).Records;
        var actual = CsvReader.Parse(DistrictSummaryCsv.Write(SeedSummaries())).Records;

        Assert.Equal(expected.Count, actual.Count);
        var header = expected[0].Fields;
        for (var row = 0; row < expected.Count; row++)
        for (var column = 0; column < header.Count; column++)
            Assert.True(expected[row].Fields[column] == actual[row].Fields[column],
                $"{expected[row].Fields[0]}, {header[column]}: expected '{expected[row].Fields[column]}', got '{actual[row].Fields[column]}'");
    }

    [Fact]
    public void Seed_surveys_reproduce_districts_csv_byte_for_byte()
    {
        var written = DistrictSummaryCsv.Write(SeedSummaries());

        Assert.Equal(File.ReadAllText(ReportTables.File("districts.csv")), written);
        Assert.Equal(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seed", "districts.csv")), written);
    }

    [Fact]
    public void Sample_summary_matches_a_hand_count()
    {
        var survey = DiagnosisSurveyImporter.ImportFile(DiagnosisTestFiles.SeedDiagnosis("sample.csv")).Survey!;

        var summary = DistrictDiagnosisSummariser.Summarise("Ejemplo", "Cajamarca", survey, _rules);

        // families 85+42+37+60+28 = 252, safe 70+25+48 = 143 → 56.7 %. Family survey in 4 localities, 75 families;
        // toilet asked only in Cruz Conga (1 of 20). Children 46, with ADD 8 → 17.4 %.
        Assert.Equal(new DistrictDiagnosisSummary("Ejemplo", "Cajamarca", 5, 252, 57,
            SystemsSustainable: 1, SystemsDeteriorating: 2, SystemsSevereDeterioration: 1, SystemsCollapsed: 0, SystemsTotal: 4,
            SystemsWithOmPlan: 2, SystemsChlorinating: 2,
            LatrineUsePct: 67, OpenDefecationPct: 32, ToiletUsePct: 5, HandwashingThreeOccasionsPct: 24,
            DrinkTapWaterPct: 52, DrinkBoiledWaterPct: 23, DrinkSpringOrWellPct: 25, AddPrevalenceUnder5Pct: 17), summary);
    }

    [Fact]
    public void Percentages_round_half_away_from_zero()
    {
        // 1 of 8 families = 12.5 % → 13; 3 of 8 = 37.5 % → 38 (banker's rounding would give 12 and 38)
        var survey = Import(Row((C.Families, "8"), (C.FamiliesWithSafeWater, "1"), (C.FamiliesSurveyedHygiene, "8"),
            (C.LatrineUse, "3"), (C.OpenDefecation, "5"), (C.HandwashingThreeOccasions, "1"),
            (C.DrinkTapWater, "8"), (C.DrinkBoiledWater, "0"), (C.DrinkSpringOrWell, "0")));

        var summary = DistrictDiagnosisSummariser.Summarise("D", "P", survey, _rules);

        Assert.Equal((13, 38, 63, 13), (summary.WaterCoveragePct, summary.LatrineUsePct, summary.OpenDefecationPct, summary.HandwashingThreeOccasionsPct));
    }

    [Fact]
    public void Questions_not_surveyed_stay_blank_and_zero_stays_zero()
    {
        var survey = Import(
            NoSystemRow((C.Locality, "A"), (C.FamiliesSurveyedHygiene, ""), (C.LatrineUse, ""), (C.OpenDefecation, ""),
                (C.HandwashingThreeOccasions, ""), (C.DrinkTapWater, ""), (C.DrinkBoiledWater, ""), (C.DrinkSpringOrWell, ""),
                (C.ChildrenUnder5, ""), (C.ChildrenUnder5WithAdd, "")),
            NoSystemRow((C.Locality, "B"), (C.OpenDefecation, "0"), (C.ChildrenUnder5WithAdd, "")));

        var summary = DistrictDiagnosisSummariser.Summarise("Utco", "Celendín", survey, _rules);

        Assert.Equal((0, 0, 0), (summary.SystemsTotal, summary.WaterCoveragePct, summary.OpenDefecationPct!.Value));
        Assert.Null(summary.ToiletUsePct);
        Assert.Null(summary.AddPrevalenceUnder5Pct);
        Assert.Equal(60, summary.LatrineUsePct); // 12 of the 20 surveyed in B only
        Assert.Equal("Utco,Celendín,2,160,0,0,0,0,0,0,0,0,60,0,,25,75,15,10,", DistrictSummaryCsv.Line(summary));
    }

    [Fact]
    public void Writer_quotes_names_that_need_it()
    {
        var summary = DistrictDiagnosisSummariser.Summarise("San Juan, \"Cajamarca\"", "Cajamarca", Import(Row()), _rules);

        Assert.StartsWith("\"San Juan, \"\"Cajamarca\"\"\",Cajamarca,1,", DistrictSummaryCsv.Line(summary));
    }

    private static DiagnosisSurvey Import(params string[] rows)
    {
        var result = DiagnosisSurveyImporter.ImportText(SurveyFile(rows));
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return result.Survey;
    }
}
