namespace Propilas.Host.Pages.Obligations;

/// <summary>Marker for the obligations page texts (<c>Resources/Pages.Obligations.ObligationTexts.*.resx</c>).</summary>
public sealed class ObligationTexts;
