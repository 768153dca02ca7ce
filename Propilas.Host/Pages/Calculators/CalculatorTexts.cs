namespace Propilas.Host.Pages.Calculators;

/// <summary>Marker for the calculator pages' texts (<c>Resources/Pages.Calculators.CalculatorTexts.*.resx</c>).</summary>
public sealed class CalculatorTexts;
