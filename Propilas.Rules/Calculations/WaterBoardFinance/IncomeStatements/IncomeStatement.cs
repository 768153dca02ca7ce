namespace Propilas.Rules.Calculations;

/// <summary>A water board's annual income statement and whether its tariffs pay their way (unrounded).</summary>
/// <param name="OperatingIncome">Total revenue − operating costs − contingencies.</param>
/// <param name="AvailableForDebtService">Operating income − replacement provision.</param>
/// <param name="NetSurplus">Available for debt service − debt service; negative is a deficit.</param>
/// <param name="TariffCoverageBalance">
/// Tariff revenue alone − (operating costs + contingencies + debt service + replacement provision).
/// </param>
/// <param name="TariffsCoverCosts">Whether tariffs alone cover O&amp;M, debt service and the replacement provision.</param>
public sealed record IncomeStatement(
    decimal TariffRevenue,
    decimal OtherRevenue,
    decimal TotalRevenue,
    IReadOnlyList<CostLine> OperatingCosts,
    decimal TotalOperatingCosts,
    decimal Contingencies,
    decimal OperatingIncome,
    decimal ReplacementProvision,
    decimal AvailableForDebtService,
    decimal DebtService,
    decimal NetSurplus,
    decimal TariffCoverageBalance,
    bool TariffsCoverCosts);
