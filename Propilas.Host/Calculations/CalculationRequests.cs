namespace Propilas.Host.Calculations;

/// <summary>Any parameter left out takes its value from <c>workflows/rules/investment-plan.json</c>.</summary>
public sealed record InvestmentPlanParametersRequest(
    decimal? CoverageDeficitReduction, decimal? NewSystemCostPerCapitaUsd, decimal? RehabilitationCostPerCapitaUsd,
    decimal? ExchangeRateSolesPerUsd, decimal? MunicipalShare, int? Years, decimal? CommunityShare);

public sealed record InvestmentPlanDistrictRequest(
    string? District, decimal? TotalBudget, decimal? InvestmentBudget, int? Population, decimal? CoveragePct, int? RehabilitationPopulation);

public sealed record InvestmentPlanRequest(InvestmentPlanParametersRequest? Parameters, IReadOnlyList<InvestmentPlanDistrictRequest>? Districts);

public sealed record TariffRequest(string? Use, Dictionary<string, int>? Fixtures);

/// <summary>The rate and minimum down payment default to <c>workflows/rules/water-board-finance.json</c>.</summary>
public sealed record LoanRequestBody(decimal? SystemCost, decimal? DownPayment, decimal? AnnualRate, int? Years);
