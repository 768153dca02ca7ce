using Propilas.Workflows;

namespace Propilas.Host.Calculations;

/// <summary>Any parameter left out takes its value from <c>workflows/rules/investment-plan.json</c>.</summary>
public sealed record InvestmentPlanParametersRequest(
    decimal? CoverageDeficitReduction, decimal? NewSystemCostPerCapitaUsd, decimal? RehabilitationCostPerCapitaUsd,
    decimal? ExchangeRateSolesPerUsd, decimal? MunicipalShare, int? Years, decimal? CommunityShare);

public sealed record InvestmentPlanDistrictRequest(
    string? District, decimal? TotalBudget, decimal? InvestmentBudget, int? Population, decimal? CoveragePct, int? RehabilitationPopulation);

public sealed record InvestmentPlanRequest(InvestmentPlanParametersRequest? Parameters, IReadOnlyList<InvestmentPlanDistrictRequest>? Districts)
{
    /// <summary>What exceeds <see cref="Bounds"/>: the number of districts, their names (their numbers are the calculator's to check).</summary>
    public Dictionary<string, string[]> OutOfBounds()
    {
        var errors = new Dictionary<string, string[]>();
        if (Bounds.CountProblem(Districts?.Count ?? 0, Bounds.CalculationDistricts) is { } tooMany) errors["districts"] = [tooMany];
        else
            for (var i = 0; i < (Districts?.Count ?? 0); i++)
                if (Districts![i].District is { } name && Bounds.TextProblem(name.Trim(), Bounds.Name) is { } problem) errors[$"districts[{i}].district"] = [problem];
        return errors;
    }
}

public sealed record TariffRequest(string? Use, Dictionary<string, int>? Fixtures)
{
    /// <summary>What exceeds <see cref="Bounds"/>: how many kinds of fixture, how many of each.</summary>
    public Dictionary<string, string[]> OutOfBounds()
    {
        var errors = new Dictionary<string, string[]>();
        if (Bounds.CountProblem(Fixtures?.Count ?? 0, MaxFixtureKinds) is { } tooMany) errors["fixtures"] = [tooMany];
        else
            foreach (var (kind, count) in Fixtures ?? [])
                if (Bounds.TextProblem(kind, Bounds.Word) is { } name) errors["fixtures"] = [name];
                else if (Bounds.NumberProblem(count, Bounds.Count) is { } problem) errors[$"fixtures.{kind}"] = [problem];
        return errors;
    }

    /// <summary>Far more than the kinds of fixture a tariff names.</summary>
    public const int MaxFixtureKinds = 50;
}

/// <summary>The rate and minimum down payment default to <c>workflows/rules/water-board-finance.json</c>.</summary>
public sealed record LoanRequestBody(decimal? SystemCost, decimal? DownPayment, decimal? AnnualRate, int? Years);
