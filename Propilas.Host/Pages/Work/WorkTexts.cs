namespace Propilas.Host.Pages.Work;

/// <summary>Marker for the work list's texts (<c>Resources/Pages.Work.WorkTexts.*.resx</c>).</summary>
public sealed class WorkTexts;
