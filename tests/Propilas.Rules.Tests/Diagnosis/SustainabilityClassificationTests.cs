using Propilas.Rules.Diagnosis;
using Category = Propilas.Rules.Diagnosis.SustainabilityCategory;

namespace Propilas.Rules.Tests.Diagnosis;

public class SustainabilityClassificationTests
{
    private readonly SustainabilityRules _rules = DiagnosisTestFiles.ShippedRules();

    [Theory]
    [InlineData("1", Category.Collapsed)]
    [InlineData("1.50", Category.Collapsed)]
    [InlineData("1.51", Category.SevereDeterioration)]
    [InlineData("2.50", Category.SevereDeterioration)]
    [InlineData("2.51", Category.Deteriorating)]
    [InlineData("3.50", Category.Deteriorating)]
    [InlineData("3.51", Category.Sustainable)]
    [InlineData("4", Category.Sustainable)]
    public void Band_edges(string index, Category expected)
    {
        Assert.Equal(expected, _rules.Classify(decimal.Parse(index, System.Globalization.CultureInfo.InvariantCulture)).Category);
    }

    [Theory]
    [InlineData("1.504", Category.Collapsed)]
    [InlineData("1.505", Category.SevereDeterioration)]
    [InlineData("3.5049", Category.Deteriorating)]
    [InlineData("3.505", Category.Sustainable)]
    public void Index_between_two_bands_is_rounded_to_two_decimals_half_away_from_zero(string index, Category expected)
    {
        Assert.Equal(expected, _rules.Classify(decimal.Parse(index, System.Globalization.CultureInfo.InvariantCulture)).Category);
    }

    [Theory]
    [InlineData(4, 4, 4, "4", Category.Sustainable)]
    [InlineData(4, 4, 3, "3.75", Category.Sustainable)]
    [InlineData(4, 3, 3, "3.5", Category.Deteriorating)]
    [InlineData(3, 2, 2, "2.5", Category.SevereDeterioration)]
    [InlineData(2, 4, 4, "3", Category.Deteriorating)]
    [InlineData(4, 1, 1, "2.5", Category.SevereDeterioration)]
    [InlineData(2, 1, 1, "1.5", Category.Collapsed)]
    [InlineData(1, 2, 2, "1.5", Category.Collapsed)]
    [InlineData(1, 3, 2, "1.75", Category.SevereDeterioration)]
    [InlineData(1, 1, 1, "1", Category.Collapsed)]
    public void Index_weighs_the_state_of_the_system_twice(int state, int management, int om, string index, Category expected)
    {
        var classification = _rules.Classify(new SustainabilityScores(state, management, om));

        Assert.Equal(decimal.Parse(index, System.Globalization.CultureInfo.InvariantCulture), classification.Index);
        Assert.Equal(expected, classification.Category);
    }

    [Fact]
    public void Decimal_scores_are_computed_exactly_then_rounded_at_the_band_edge()
    {
        // (2 × 2.51 + 2.51 + 2.5) / 4 = 2.5075 exactly → 2.51, the first index in process of deterioration
        var classification = _rules.Classify(new SustainabilityScores(2.51m, 2.51m, 2.5m));

        Assert.Equal(2.51m, classification.Index);
        Assert.Equal(Category.Deteriorating, classification.Category);
    }

    [Theory]
    [InlineData("0.99")]
    [InlineData("4.01")]
    public void Index_off_the_scale_is_refused(string index)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            _rules.Classify(decimal.Parse(index, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Shipped_file_has_the_form_weights_and_bilingual_names()
    {
        Assert.Equal(new SustainabilityWeights(2, 1, 1), _rules.Weights);
        Assert.Equal(
        [
            (Category.Collapsed, "colapsado", "collapsed", 1m, 1.50m),
            (Category.SevereDeterioration, "en proceso de deterioro grave", "in process of severe deterioration", 1.51m, 2.50m),
            (Category.Deteriorating, "en proceso de deterioro", "in process of deterioration", 2.51m, 3.50m),
            (Category.Sustainable, "sostenible", "sustainable", 3.51m, 4m),
        ], _rules.Bands.Select(b => (b.Category, b.NameEs, b.NameEn, b.Min, b.Max)));
    }
}
