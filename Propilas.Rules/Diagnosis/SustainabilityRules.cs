namespace Propilas.Rules.Diagnosis;

/// <summary>
/// The sustainability scoring of workflows/rules/sustainability.json; build it with
/// <see cref="SustainabilityRulesLoader"/>, which guarantees bands covering the scale without gaps.
/// </summary>
public sealed class SustainabilityRules
{
    internal SustainabilityRules(SustainabilityWeights weights, int indexDecimals, IReadOnlyList<SustainabilityBand> bands)
    {
        Weights = weights;
        IndexDecimals = indexDecimals;
        Bands = bands;
    }

    public SustainabilityWeights Weights { get; }

    /// <summary>The index is rounded (half away from zero) to this many decimals before banding, as the form's bands are written.</summary>
    public int IndexDecimals { get; }

    /// <summary>Ordered from the lowest index to the highest.</summary>
    public IReadOnlyList<SustainabilityBand> Bands { get; }

    public decimal Index(SustainabilityScores scores) => Round(
        (Weights.State * scores.State
         + Weights.Management * scores.Management
         + Weights.OperationAndMaintenance * scores.OperationAndMaintenance) / Weights.Total);

    public SustainabilityClassification Classify(SustainabilityScores scores) => Classify(Index(scores));

    public SustainabilityClassification Classify(decimal index)
    {
        var rounded = Round(index);
        var band = Bands.FirstOrDefault(b => b.Contains(rounded))
            ?? throw new ArgumentOutOfRangeException(nameof(index), index,
                $"A sustainability index lies between {SustainabilityScale.Min} and {SustainabilityScale.Max}.");
        return new SustainabilityClassification(rounded, band);
    }

    private decimal Round(decimal index) => Math.Round(index, IndexDecimals, MidpointRounding.AwayFromZero);
}
