namespace Propilas.Host.Pages.Alerts;

/// <summary>Marker for the alerts inbox texts (<c>Resources/Pages.Alerts.AlertTexts.*.resx</c>).</summary>
public sealed class AlertTexts;
