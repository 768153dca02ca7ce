namespace Propilas.Rules.Diagnosis;

/// <summary>An index range, bounds inclusive, e.g. 2.51–3.50 "en proceso de deterioro".</summary>
public sealed record SustainabilityBand(
    SustainabilityCategory Category,
    string NameEs,
    string NameEn,
    decimal Min,
    decimal Max)
{
    public bool Contains(decimal index) => Min <= index && index <= Max;
}

public sealed record SustainabilityClassification(decimal Index, SustainabilityBand Band)
{
    public SustainabilityCategory Category => Band.Category;
}
