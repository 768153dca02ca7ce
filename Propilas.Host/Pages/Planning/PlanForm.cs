using System.Globalization;
using Propilas.Host.Calculations;
using Propilas.Host.InvestmentPlans;
using Propilas.Host.Pages.Localization;
using Propilas.Rules.Calculations;
using Propilas.Rules.Facts;

namespace Propilas.Host.Pages.Planning;

/// <summary>
/// The plan parameters and inputs as typed in the page's forms (text, so a rejected value is shown again as typed).
/// Field names are the API's, so a what-if link is also an API query.
/// </summary>
public sealed class PlanForm
{
    public static readonly string[] ParameterFields =
        ["coverageDeficitReduction", "newSystemCostPerCapitaUsd", "rehabilitationCostPerCapitaUsd", "exchangeRateSolesPerUsd", "municipalShare", "years", "communityShare"];

    public static readonly string[] InputFields = ["totalBudget", "investmentBudget", "population", "coveragePct", "rehabilitationPopulation"];

    private static readonly LocalizedText NotANumber = new("Escriba un número.", "Must be a number.");
    private static readonly LocalizedText NotAWholeNumber = new("Escriba un número entero.", "Must be a whole number.");

    public Dictionary<string, string> Values { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Each field's errors in both languages: the form's own (a value it cannot read) and the calculator's.</summary>
    public Dictionary<string, LocalizedText[]> Errors { get; } = [];

    public static PlanForm From(IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> fields)
    {
        var form = new PlanForm();
        foreach (var (key, value) in fields)
            if (ParameterFields.Contains(key, StringComparer.OrdinalIgnoreCase) || InputFields.Contains(key, StringComparer.OrdinalIgnoreCase))
                form.Values[key] = value.ToString().Trim();
        return form;
    }

    public bool HasParameters => ParameterFields.Any(f => Values.GetValueOrDefault(f) is { Length: > 0 });

    public string Value(string field) => Values.GetValueOrDefault(field) ?? "";

    /// <summary>The parameters typed (blank: not given); a value that is not a number is an error on its field.</summary>
    public InvestmentPlanParametersRequest Parameters() => new(
        Number("coverageDeficitReduction"), Number("newSystemCostPerCapitaUsd"), Number("rehabilitationCostPerCapitaUsd"),
        Number("exchangeRateSolesPerUsd"), Number("municipalShare"), Whole("years"), Number("communityShare"));

    public InvestmentPlanEndpoints.InputsRequest Inputs(InvestmentPlanParametersRequest? parameters, int? expectedVersion) => new(
        Number("totalBudget"), Number("investmentBudget"), Whole("population"), Number("coveragePct"), Whole("rehabilitationPopulation"),
        parameters, expectedVersion);

    /// <summary>The parameters in force, written back into the fields.</summary>
    public void Show(InvestmentPlanParameters p)
    {
        Values.TryAdd("coverageDeficitReduction", PlanningFormat.Input(p.CoverageDeficitReduction));
        Values.TryAdd("newSystemCostPerCapitaUsd", PlanningFormat.Input(p.NewSystemCostPerCapitaUsd));
        Values.TryAdd("rehabilitationCostPerCapitaUsd", PlanningFormat.Input(p.RehabilitationCostPerCapitaUsd));
        Values.TryAdd("exchangeRateSolesPerUsd", PlanningFormat.Input(p.ExchangeRateSolesPerUsd));
        Values.TryAdd("municipalShare", PlanningFormat.Input(p.MunicipalShare));
        Values.TryAdd("years", p.Years.ToString(CultureInfo.InvariantCulture));
        Values.TryAdd("communityShare", PlanningFormat.Input(p.CommunityShare));
    }

    public void Show(DistrictInvestmentInputs i)
    {
        Values.TryAdd("totalBudget", PlanningFormat.Input(i.TotalBudget / 1.0000000000000000000000000000m));
        Values.TryAdd("investmentBudget", PlanningFormat.Input(i.InvestmentBudget / 1.0000000000000000000000000000m));
        Values.TryAdd("population", i.Population.ToString(CultureInfo.InvariantCulture));
        Values.TryAdd("coveragePct", PlanningFormat.Input(i.CoveragePct / 1.0000000000000000000000000000m));
        Values.TryAdd("rehabilitationPopulation", i.RehabilitationPopulation.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Adds the calculator's errors, each under its field (a parameter's without the API's <c>parameters.</c> prefix).</summary>
    public void AddErrors(IEnumerable<InputError> errors)
    {
        foreach (var error in errors)
        {
            var field = error.Field.StartsWith("parameters.", StringComparison.Ordinal) ? error.Field["parameters.".Length..] : error.Field;
            Errors[field] = [.. Errors.GetValueOrDefault(field, []), error.Text];
        }
    }

    /// <summary>A field's errors in the page's language, or "" when it has none.</summary>
    public string ErrorsOf(string field, string language) =>
        Errors.TryGetValue(field, out var errors) ? string.Join(" ", errors.Select(e => e.In(language))) : "";

    private decimal? Number(string field)
    {
        var raw = Value(field);
        if (raw.Length == 0) return null;
        if (TypedNumbers.TryDecimal(raw, out var value)) return value;
        Errors[field] = [NotANumber];
        return null;
    }

    private int? Whole(string field)
    {
        var value = Number(field);
        if (value is null || value == Math.Truncate(value.Value)) return value is null ? null : (int)value.Value;
        Errors[field] = [NotAWholeNumber];
        return null;
    }
}
