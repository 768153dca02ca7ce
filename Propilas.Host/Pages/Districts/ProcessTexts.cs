namespace Propilas.Host.Pages.Districts;

/// <summary>Marker for the process page's own texts (<c>Resources/Pages.Districts.ProcessTexts.*.resx</c>); the rest are the shared texts.</summary>
public sealed class ProcessTexts;
