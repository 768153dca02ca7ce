namespace Propilas.Host.Pages.Planning;

/// <summary>Marker for the planning pages' texts (<c>Resources/Pages.Planning.PlanningTexts.*.resx</c>).</summary>
public sealed class PlanningTexts;
