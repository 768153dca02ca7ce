namespace Propilas.Rules.Diagnosis;

/// <summary>Index = weighted mean of the three scores: (2 × state + management + O&amp;M) / 4 with the usual weights.</summary>
public sealed record SustainabilityWeights(decimal State, decimal Management, decimal OperationAndMaintenance)
{
    public decimal Total => State + Management + OperationAndMaintenance;
}
