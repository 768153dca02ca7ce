using Propilas.Rules.Calculations;

namespace Propilas.Host.Calculations;

public static class InvestmentPlanMapping
{
    /// <summary>Input errors as a ProblemDetails field map (English, as the API answers).</summary>
    public static Dictionary<string, string[]> ByField(IEnumerable<InputError> found)
    {
        var errors = new Dictionary<string, string[]>();
        Collect(errors, "", found);
        return errors;
    }

    /// <summary>Adds input errors to a ProblemDetails field map, each field's messages after those it already has.</summary>
    public static void Collect(Dictionary<string, string[]> errors, string prefix, IEnumerable<InputError> found)
    {
        foreach (var group in found.GroupBy(e => prefix + e.Field))
            errors[group.Key] = [.. errors.GetValueOrDefault(group.Key, []), .. group.Select(e => e.Message)];
    }

    public static InvestmentPlanParameters Parameters(InvestmentPlanParametersRequest? p, InvestmentPlanParameters defaults) => p is null
        ? defaults
        : new InvestmentPlanParameters(
            p.CoverageDeficitReduction ?? defaults.CoverageDeficitReduction,
            p.NewSystemCostPerCapitaUsd ?? defaults.NewSystemCostPerCapitaUsd,
            p.RehabilitationCostPerCapitaUsd ?? defaults.RehabilitationCostPerCapitaUsd,
            p.ExchangeRateSolesPerUsd ?? defaults.ExchangeRateSolesPerUsd,
            p.MunicipalShare ?? defaults.MunicipalShare,
            p.Years ?? defaults.Years,
            p.CommunityShare ?? defaults.CommunityShare);

    /// <summary>The input, or null when fields are missing, each named in <paramref name="missing"/>.</summary>
    public static InvestmentPlanInput? Input(InvestmentPlanDistrictRequest d, out List<InputError> missing)
    {
        missing = [];
        if (d.TotalBudget is null) missing.Add(InputError.Required("totalBudget"));
        if (d.InvestmentBudget is null) missing.Add(InputError.Required("investmentBudget"));
        if (d.Population is null) missing.Add(InputError.Required("population"));
        if (d.CoveragePct is null) missing.Add(InputError.Required("coveragePct"));
        if (d.RehabilitationPopulation is null) missing.Add(InputError.Required("rehabilitationPopulation"));
        return missing.Count > 0
            ? null
            : new InvestmentPlanInput(d.District ?? "", d.TotalBudget!.Value, d.InvestmentBudget!.Value, d.Population!.Value, d.CoveragePct!.Value,
                d.RehabilitationPopulation!.Value);
    }
}
