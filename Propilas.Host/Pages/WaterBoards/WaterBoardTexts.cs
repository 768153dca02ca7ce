namespace Propilas.Host.Pages.WaterBoards;

/// <summary>Marker for the water-board page texts (<c>Resources/Pages.WaterBoards.WaterBoardTexts.*.resx</c>).</summary>
public sealed class WaterBoardTexts;
