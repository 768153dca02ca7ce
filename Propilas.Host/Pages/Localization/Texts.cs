namespace Propilas.Host.Pages.Localization;

/// <summary>Marker for the shared page texts (<c>Resources/Pages.Localization.Texts.*.resx</c>).</summary>
public sealed class Texts;
