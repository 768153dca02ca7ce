using System.Text.Json.Nodes;
using Propilas.Rules.Diagnosis;

namespace Propilas.Rules.Tests.Diagnosis;

public class SustainabilityRulesLoaderTests
{
    private const string FileName = "sustainability.json";

    private static JsonObject Shipped() =>
        JsonNode.Parse(File.ReadAllText(DiagnosisTestFiles.SustainabilityRulesPath))!.AsObject();

    private static IReadOnlyList<string> Errors(JsonObject rules) =>
        Assert.Throws<SustainabilityRulesException>(() => SustainabilityRulesLoader.Parse(rules.ToJsonString(), FileName)).Errors;

    private static JsonObject Band(JsonObject rules, string category) =>
        rules["bands"]!.AsArray().Select(b => b!.AsObject()).Single(b => (string)b["category"]! == category);

    [Fact]
    public void Gap_between_bands_names_the_file_and_the_field()
    {
        var rules = Shipped();
        Band(rules, "deteriorating")["min"] = 2.60m; // index 2.55 would fall in no band

        Assert.Equal(["sustainability.json: bands[1].min: gap: bands[2].max is 2.50, so this band must start at 2.51, not 2.60"], Errors(rules));
    }

    [Fact]
    public void Overlap_between_bands_is_an_error()
    {
        var rules = Shipped();
        Band(rules, "severe-deterioration")["max"] = 2.60m;

        Assert.Equal(["sustainability.json: bands[1].min: overlap: bands[2].max is 2.60, so this band must start at 2.61, not 2.51"], Errors(rules));
    }

    [Fact]
    public void Bands_must_cover_the_whole_scale()
    {
        var rules = Shipped();
        Band(rules, "collapsed")["min"] = 1.10m;
        Band(rules, "sustainable")["max"] = 3.90m;

        Assert.Equal(
        [
            "sustainability.json: bands[3].min: the lowest band must start at 1, not 1.10",
            "sustainability.json: bands[0].max: the highest band must end at 4, not 3.90",
        ], Errors(rules));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Weights_must_be_positive(int weight)
    {
        var rules = Shipped();
        rules["weights"]!["management"] = weight;

        Assert.Equal([$"sustainability.json: weights.management: must be positive, not {weight}"], Errors(rules));
    }

    [Fact]
    public void Every_category_once_and_no_unknown_fields()
    {
        var rules = Shipped();
        Band(rules, "collapsed")["category"] = "sustainable";
        rules["wieghts"] = 1;
        rules["weights"]!.AsObject().Remove("state");

        Assert.Equal(
        [
            "sustainability.json: wieghts: unknown field (expected description, weights, indexDecimals, bands)",
            "sustainability.json: weights.state: missing or not a number",
            "sustainability.json: bands[3].category: 'sustainable' is already the category of bands[0]",
            "sustainability.json: bands: no band for category 'collapsed'",
        ], Errors(rules));
    }

    [Fact]
    public void Bands_must_rank_the_categories_in_order()
    {
        var rules = Shipped();
        Band(rules, "collapsed")["category"] = "swap";
        Band(rules, "severe-deterioration")["category"] = "collapsed";
        Band(rules, "swap")["category"] = "severe-deterioration";

        Assert.Contains(Errors(rules), e => e.StartsWith("sustainability.json: bands[2].category: bands must rank"));
    }

    [Fact]
    public void Bounds_must_not_be_more_precise_than_the_index()
    {
        var rules = Shipped();
        Band(rules, "collapsed")["max"] = 1.505m;

        Assert.Contains("sustainability.json: bands[3].max: 1.505 has more decimals than indexDecimals (2)", Errors(rules));
    }

    [Fact]
    public void Invalid_json_and_missing_file_name_the_file()
    {
        var json = Assert.Throws<SustainabilityRulesException>(() => SustainabilityRulesLoader.Parse("{ \"weights\": ", FileName));
        var missing = Assert.Throws<SustainabilityRulesException>(() => SustainabilityRulesLoader.LoadFile("/nowhere/sustainability.json"));

        Assert.StartsWith("sustainability.json: not valid JSON", Assert.Single(json.Errors));
        Assert.StartsWith("sustainability.json: file not found", Assert.Single(missing.Errors));
        Assert.Contains("sustainability.json", missing.Message);
    }

    [Fact]
    public void Adjusted_weights_change_the_classification()
    {
        var rules = Shipped();
        rules["weights"]!["state"] = 1;
        var equalWeights = SustainabilityRulesLoader.Parse(rules.ToJsonString(), FileName);
        var scores = new SustainabilityScores(State: 3, Management: 4, OperationAndMaintenance: 4);

        Assert.Equal(3.5m, DiagnosisTestFiles.ShippedRules().Index(scores)); // (2 × 3 + 4 + 4) / 4
        Assert.Equal(SustainabilityCategory.Deteriorating, DiagnosisTestFiles.ShippedRules().Classify(scores).Category);
        Assert.Equal(3.67m, equalWeights.Index(scores)); // (3 + 4 + 4) / 3
        Assert.Equal(SustainabilityCategory.Sustainable, equalWeights.Classify(scores).Category);
    }
}
