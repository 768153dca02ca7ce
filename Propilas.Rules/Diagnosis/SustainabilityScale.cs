namespace Propilas.Rules.Diagnosis;

/// <summary>Every sustainability dimension, and so the index, lies on this scale (1 worst, 4 best).</summary>
public static class SustainabilityScale
{
    public const decimal Min = 1m;
    public const decimal Max = 4m;
}
