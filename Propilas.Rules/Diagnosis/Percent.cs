namespace Propilas.Rules.Diagnosis;

internal static class Percent
{
    /// <summary>Whole percentage, half away from zero (12.5 → 13); null when there is nothing to divide by.</summary>
    public static int? Of(int part, int whole) =>
        whole == 0 ? null : (int)Math.Round(part * 100m / whole, MidpointRounding.AwayFromZero);
}
