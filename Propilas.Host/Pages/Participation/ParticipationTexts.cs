namespace Propilas.Host.Pages.Participation;

/// <summary>Marker for the participation pages' texts (<c>Resources/Pages.Participation.ParticipationTexts.*.resx</c>).</summary>
public sealed class ParticipationTexts;
