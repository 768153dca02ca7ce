using System.Text;
using Propilas.Rules.Diagnosis;
using static Propilas.Rules.Tests.Diagnosis.SurveyCsv;
using C = Propilas.Rules.Diagnosis.SurveyColumns;
using Kind = Propilas.Rules.Diagnosis.DiagnosisImportErrorKind;

namespace Propilas.Rules.Tests.Diagnosis;

public class DiagnosisImportTests
{
    [Fact]
    public void Sample_file_imports_localities_with_their_systems()
    {
        var result = DiagnosisSurveyImporter.ImportFile(DiagnosisTestFiles.SeedDiagnosis("sample.csv"));

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var localities = result.Survey.Localities;
        Assert.Equal(["Santa Rosa", "Huañambra", "La Pampa, anexo El Tingo", "Cruz Conga", "Chontabamba"], localities.Select(l => l.Name));
        Assert.Equal(["SAP Santa Rosa sector Alto", "SAP Santa Rosa sector Bajo"], localities[0].Systems.Select(s => s.Name));
        Assert.Equal(new SustainabilityScores(3.5m, 3, 3), localities[0].Systems[1].Scores);
        Assert.Empty(localities[1].Systems);
        Assert.Null(localities[2].Systems.Single().YearBuilt);
        Assert.Equal(new HygieneAnswers(null, null, null, null, null, null, null, null), localities[2].Hygiene);
        Assert.Equal(new HygieneAnswers(20, 16, 3, 1, 9, 17, 2, 1), localities[3].Hygiene);
        Assert.Equal(4, result.Survey.Systems.Count());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)] // as typed without accents: "poblacion", "ninos_menores_5"
    public void A_survey_headed_in_Spanish_imports_as_the_same_survey_headed_in_English(bool accents)
    {
        var english = File.ReadAllText(DiagnosisTestFiles.SeedDiagnosis("sample.csv"));
        var lines = english.Split('\n', 2);
        var spanishHeader = string.Join(',', lines[0].TrimEnd('\r').Split(',').Select(c => C.Spanish[c]));
        if (!accents) spanishHeader = spanishHeader.Replace('ó', 'o').Replace('ñ', 'n');

        var fromSpanish = DiagnosisSurveyImporter.ImportText(spanishHeader + "\n" + lines[1]);

        Assert.True(fromSpanish.Succeeded, string.Join("\n", fromSpanish.Errors));
        var fromEnglish = DiagnosisSurveyImporter.ImportText(english);
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(fromEnglish.Survey), System.Text.Json.JsonSerializer.Serialize(fromSpanish.Survey));
    }

    [Fact]
    public void A_Spanish_header_missing_a_column_names_it_and_an_unknown_one_is_named_as_typed()
    {
        var header = string.Join(',', C.All.Where(c => c != C.Families).Select(c => C.Spanish[c])) + ",color";
        var result = DiagnosisSurveyImporter.ImportText(header + "\n");

        Assert.Equal([(C.Families, Kind.MissingColumn), ("color", Kind.UnknownColumn)],
            result.Errors.Select(e => (e.Column!, e.Kind)).OrderBy(e => e.Item2));
        Assert.Equal("familias", C.In(C.Families, "es"));
        Assert.Equal("familias_con_agua_segura+familias", C.In(C.FamiliesWithSafeWater + "+" + C.Families, "es"));
        Assert.Equal(C.Families, C.In(C.Families, "en"));
    }

    [Fact]
    public void Template_is_the_full_header_without_rows()
    {
        var path = DiagnosisTestFiles.SeedDiagnosis("template.csv");

        Assert.Equal(Header + "\n", File.ReadAllText(path));
        var result = DiagnosisSurveyImporter.ImportFile(path);
        Assert.Equal(Kind.NoDataRows, Assert.Single(result.Errors).Kind);
    }

    [Fact]
    public void Bad_file_is_rejected_whole_with_every_bad_row_reported()
    {
        var file = SurveyFile(
            Row(),                                                                               // 2 ok
            Row((C.Locality, "Cruz Conga"), (C.Families, "doce")),                               // 3
            Row((C.Locality, "El Tingo"), (C.HasSystem, "maybe")),                               // 4
            NoSystemRow((C.Locality, "La Lucma"), (C.SystemName, "SAP La Lucma"), (C.StateScore, "3")), // 5
            Row((C.Locality, "Monte Seco"), (C.StateScore, "5"), (C.OmScore, "2,5")),            // 6
            Row((C.Locality, "Pampa Grande"), (C.FamiliesWithSafeWater, "90")),                  // 7
            Row((C.Locality, "santa  rosa")),                                                    // 8 same locality and system as line 2
            Row((C.Locality, "")),                                                               // 9
            Row((C.Locality, "Las Palmas"), (C.OmPlan, "")),                                     // 10
            Row((C.Locality, "El Sauce"), (C.FamiliesSurveyedHygiene, "")),                      // 11
            Row((C.Locality, "La Colpa"), (C.FamiliesSurveyedHygiene, "10"), (C.LatrineUse, "8"), (C.OpenDefecation, "5"),
                (C.DrinkTapWater, "5"), (C.DrinkBoiledWater, "3"), (C.DrinkSpringOrWell, "2")), // 12
            Row((C.Locality, "El Molino"), (C.ChildrenUnder5, "2"), (C.ChildrenUnder5WithAdd, "3")), // 13
            "Agua Blanca,40,yes",                                                                // 14
            Row((C.SystemName, "SAP Santa Rosa sector Bajo"), (C.Families, "81")),               // 15
            Row((C.Locality, "La Unión"), (C.YearBuilt, "1850")),                                // 16
            Row((C.Locality, "El Rosario")));                                                    // 17 ok

        var result = DiagnosisSurveyImporter.ImportText(file);

        Assert.False(result.Succeeded);
        Assert.Null(result.Survey);
        Assert.Equal(
        [
            (3, C.Families, Kind.NotANumber),
            (4, C.HasSystem, Kind.UnknownValue),
            (5, C.SystemName, Kind.NotApplicable),
            (5, C.StateScore, Kind.NotApplicable),
            (6, C.StateScore, Kind.OutOfRange),
            (6, C.OmScore, Kind.NotANumber),
            (7, C.FamiliesWithSafeWater, Kind.ExceedsTotal),
            (8, C.SystemName, Kind.DuplicateLocalitySystem),
            (9, C.Locality, Kind.Missing),
            (10, C.OmPlan, Kind.Missing),
            (11, C.FamiliesSurveyedHygiene, Kind.Missing),
            (12, "latrine_use+open_defecation+toilet_use", Kind.ExceedsTotal),
            (13, C.ChildrenUnder5WithAdd, Kind.ExceedsTotal),
            (14, null, Kind.WrongFieldCount),
            (15, C.Families, Kind.InconsistentLocality),
            (16, C.YearBuilt, Kind.OutOfRange),
        ], result.Errors.Select(e => (e.Line ?? 0, e.Column, e.Kind)));
    }

    [Fact]
    public void Error_messages_say_why()
    {
        var result = DiagnosisSurveyImporter.ImportText(SurveyFile(
            Row(),
            Row((C.Families, "81"), (C.SystemName, "SAP 2"), (C.FamiliesWithSafeWater, "90"))));

        Assert.Equal(
        [
            "line 3, column families: '81' differs from '80' on line 2; every row of locality 'Santa Rosa' must repeat the locality's values",
            "line 3, column families_with_safe_water: 90 is greater than families (81)",
            "line 3, column families_with_safe_water: '90' differs from '60' on line 2; every row of locality 'Santa Rosa' must repeat the locality's values",
        ], result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Lines_after_a_multi_line_field_keep_their_physical_numbers()
    {
        var file = Header + "\n" + Row((C.SystemName, "SAP\nSanta Rosa")) + "\n" + Row((C.Locality, "Cruz Conga"), (C.OmScore, "0")) + "\n";

        var result = DiagnosisSurveyImporter.ImportText(file);

        Assert.Equal((4, C.OmScore, Kind.OutOfRange), result.Errors.Select(e => (e.Line ?? 0, e.Column, e.Kind)).Single());
    }

    [Fact]
    public void Csv_syntax_errors_are_reported_with_the_data_errors()
    {
        var file = SurveyFile(Row(), "\"Cruz Conga\"x,1", Row((C.Locality, "El Tingo"), (C.Chlorinates, "a veces")));

        var result = DiagnosisSurveyImporter.ImportText(file);

        Assert.Equal([(3, null, Kind.CsvSyntax), (4, C.Chlorinates, Kind.UnknownValue)],
            result.Errors.Select(e => (e.Line ?? 0, e.Column, e.Kind)));
    }

    [Fact]
    public void A_locality_without_a_system_takes_a_single_row()
    {
        var result = DiagnosisSurveyImporter.ImportText(SurveyFile(NoSystemRow(), Row((C.FamiliesWithSafeWater, "0"))));

        var error = Assert.Single(result.Errors);
        Assert.Equal((3, C.HasSystem, Kind.DuplicateLocalitySystem), (error.Line ?? 0, error.Column, error.Kind));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\uFEFF")]
    [InlineData(" \n\n")]
    public void Empty_file_is_a_file_level_error(string text)
    {
        var result = DiagnosisSurveyImporter.Import(Encoding.UTF8.GetBytes(text));

        var error = Assert.Single(result.Errors);
        Assert.Equal((null, Kind.EmptyFile), (error.Line, error.Kind));
    }

    [Fact]
    public void Header_problems_are_all_reported_and_rows_are_not_read()
    {
        var header = Header.Replace("families_with_safe_water", "safe_water").Replace("om_plan", "om_plan,om_plan");
        var result = DiagnosisSurveyImporter.ImportText(header + "\nSanta Rosa,not,even,a,row\n");

        Assert.Equal(
        [
            (C.FamiliesWithSafeWater, Kind.MissingColumn),
            (C.OmPlan, Kind.DuplicateColumn),
            ("safe_water", Kind.UnknownColumn),
        ], result.Errors.Select(e => (e.Column, e.Kind)));
        Assert.All(result.Errors, e => Assert.Null(e.Line));
    }

    [Fact]
    public void Optional_columns_may_be_left_out_and_read_as_not_surveyed()
    {
        var text = string.Join(',', C.Required) + "\n" + "Santa Rosa,80,60,yes,SAP Santa Rosa,,3,3,3,no,no\n";

        var result = DiagnosisSurveyImporter.ImportText(text);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var locality = result.Survey.Localities.Single();
        Assert.Null(locality.Population);
        Assert.Null(locality.Hygiene.FamiliesSurveyed);
        Assert.Null(locality.ChildHealth.ChildrenUnder5);
    }

    [Theory]
    [InlineData("yes", true)]
    [InlineData("Sí", true)]
    [InlineData("SI", true)]
    [InlineData("true", true)]
    [InlineData("1", true)]
    [InlineData("No", false)]
    [InlineData("FALSE", false)]
    [InlineData("0", false)]
    public void Yes_no_answers_in_english_and_spanish(string answer, bool expected)
    {
        var result = DiagnosisSurveyImporter.ImportText(SurveyFile(Row((C.Chlorinates, answer))));

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(expected, result.Survey.Systems.Single().Chlorinates);
    }

    [Fact]
    public void Bom_crlf_and_accents_import_and_decomposed_accents_match_precomposed()
    {
        var text = SurveyFile(
            Row((C.Locality, "Huañambra"), (C.SystemName, "SAP Celendín")),
            Row((C.Locality, "Huañambra".Normalize(NormalizationForm.FormD)), (C.SystemName, "SAP Celendín 2")))
            .Replace("\n", "\r\n");
        var bytes = (byte[])[0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)];

        var result = DiagnosisSurveyImporter.Import(new MemoryStream(bytes));

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var locality = Assert.Single(result.Survey.Localities);
        Assert.Equal("Huañambra", locality.Name);
        Assert.Equal(["SAP Celendín", "SAP Celendín 2"], locality.Systems.Select(s => s.Name));
    }

    [Fact]
    public void A_file_not_in_utf8_is_rejected()
    {
        var bytes = Encoding.Latin1.GetBytes(SurveyFile(Row((C.Locality, "Huañambra"))));

        var result = DiagnosisSurveyImporter.Import(bytes);

        Assert.Equal(Kind.NotUtf8, Assert.Single(result.Errors).Kind);
    }
}
