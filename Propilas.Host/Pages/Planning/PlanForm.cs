using System.Globalization;
using Propilas.Host.Calculations;
using Propilas.Host.InvestmentPlans;
using Propilas.Host.Pages.Localization;
using Propilas.Rules.Calculations;
using Propilas.Rules.Facts;

namespace Propilas.Host.Pages.Planning;

/// <summary>
/// The plan parameters and inputs as typed in the page's forms (text, so a rejected value is shown again as typed).
/// Field names are the API's, except that a share the API takes as a fraction (0.10) is typed as a percentage (10 %)
/// in a field named with "Pct" (<c>municipalSharePct</c>), so that a what-if link never reads one as the other.
/// Numbers are read by <see cref="TypedNumbers"/>, like every form; a refused one is said by <paramref name="explain"/>
/// (<see cref="TypedNumbers.Explain"/>), and every problem is kept in the page's language.
/// </summary>
public sealed class PlanForm(Func<NumberProblem, string> explain)
{
    public static readonly string[] ParameterFields =
        ["coverageDeficitReductionPct", "newSystemCostPerCapitaUsd", "rehabilitationCostPerCapitaUsd", "exchangeRateSolesPerUsd", "municipalSharePct", "years", "communitySharePct"];

    /// <summary>The fields typed as a percentage, from the API's name of the fraction.</summary>
    private static readonly Dictionary<string, string> PercentFields = new()
    {
        ["coverageDeficitReduction"] = "coverageDeficitReductionPct", ["municipalShare"] = "municipalSharePct", ["communityShare"] = "communitySharePct",
    };

    /// <summary>The form's field for a field the calculator names (a fraction's percentage field).</summary>
    public static string FieldOf(string apiField) => PercentFields.GetValueOrDefault(apiField, apiField);

    /// <summary>Whether a field is typed as a percentage.</summary>
    public static bool IsPercent(string field) => PercentFields.ContainsValue(field);

    public static readonly string[] InputFields = ["totalBudget", "investmentBudget", "population", "coveragePct", "rehabilitationPopulation"];

    private static LocalizedText NotAPercentage(decimal typed) => new(
        $"Escriba un porcentaje entre 0 y 100 (era {typed.ToString(CultureInfo.InvariantCulture)}).",
        $"Must be a percentage from 0 to 100 (was {typed.ToString(CultureInfo.InvariantCulture)}).");

    public Dictionary<string, string> Values { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Each field's errors in the page's language: the form's own (a value it cannot read) and the calculator's.</summary>
    public Dictionary<string, string[]> Errors { get; } = [];

    /// <summary>A form with nothing typed (nothing to refuse).</summary>
    public static PlanForm Empty => new(p => p.Typed);

    public static PlanForm From(IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> fields, Func<NumberProblem, string> explain)
    {
        var form = new PlanForm(explain);
        foreach (var (key, value) in fields)
            if (ParameterFields.Contains(key, StringComparer.OrdinalIgnoreCase) || InputFields.Contains(key, StringComparer.OrdinalIgnoreCase))
                form.Values[key] = value.ToString().Trim();
        return form;
    }

    public bool HasParameters => ParameterFields.Any(f => Values.GetValueOrDefault(f) is { Length: > 0 });

    public string Value(string field) => Values.GetValueOrDefault(field) ?? "";

    /// <summary>The parameters typed (blank: not given); a value that is not a number is an error on its field.</summary>
    public InvestmentPlanParametersRequest Parameters() => new(
        Share("coverageDeficitReductionPct"), Number("newSystemCostPerCapitaUsd"), Number("rehabilitationCostPerCapitaUsd"),
        Number("exchangeRateSolesPerUsd"), Share("municipalSharePct"), Whole("years"), Share("communitySharePct"));

    public InvestmentPlanEndpoints.InputsRequest Inputs(InvestmentPlanParametersRequest? parameters, int? expectedVersion) => new(
        Number("totalBudget"), Number("investmentBudget"), Whole("population"), Number("coveragePct"), Whole("rehabilitationPopulation"),
        parameters, expectedVersion);

    /// <summary>The parameters in force, written back into the fields.</summary>
    public void Show(InvestmentPlanParameters p)
    {
        Values.TryAdd("coverageDeficitReductionPct", PlanningFormat.InputPercent(p.CoverageDeficitReduction));
        Values.TryAdd("newSystemCostPerCapitaUsd", PlanningFormat.Input(p.NewSystemCostPerCapitaUsd));
        Values.TryAdd("rehabilitationCostPerCapitaUsd", PlanningFormat.Input(p.RehabilitationCostPerCapitaUsd));
        Values.TryAdd("exchangeRateSolesPerUsd", PlanningFormat.Input(p.ExchangeRateSolesPerUsd));
        Values.TryAdd("municipalSharePct", PlanningFormat.InputPercent(p.MunicipalShare));
        Values.TryAdd("years", p.Years.ToString(CultureInfo.InvariantCulture));
        Values.TryAdd("communitySharePct", PlanningFormat.InputPercent(p.CommunityShare));
    }

    public void Show(DistrictInvestmentInputs i)
    {
        Values.TryAdd("totalBudget", PlanningFormat.Input(i.TotalBudget / 1.0000000000000000000000000000m));
        Values.TryAdd("investmentBudget", PlanningFormat.Input(i.InvestmentBudget / 1.0000000000000000000000000000m));
        Values.TryAdd("population", i.Population.ToString(CultureInfo.InvariantCulture));
        Values.TryAdd("coveragePct", PlanningFormat.Input(i.CoveragePct / 1.0000000000000000000000000000m));
        Values.TryAdd("rehabilitationPopulation", i.RehabilitationPopulation.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Adds the calculator's errors, each under its field (a parameter's without the API's <c>parameters.</c> prefix), each once.</summary>
    public void AddErrors(IEnumerable<InputError> errors)
    {
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        foreach (var error in errors)
        {
            var field = FieldOf(error.Field.StartsWith("parameters.", StringComparison.Ordinal) ? error.Field["parameters.".Length..] : error.Field);
            Errors[field] = [.. Errors.GetValueOrDefault(field, []).Append(error.Text.In(language)).Distinct()];
        }
    }

    /// <summary>A field's errors, or "" when it has none.</summary>
    public string ErrorsOf(string field) => Errors.TryGetValue(field, out var errors) ? string.Join(" ", errors) : "";

    /// <summary>The form's problems for the error summary, each linking to its field (<paramref name="idPrefix"/> + name), in the form's order.</summary>
    public IReadOnlyList<Shared.FieldProblem> Problems(string idPrefix, Func<string, string> label) =>
        ParameterFields.Concat(InputFields).Where(Errors.ContainsKey)
            .Select(f => new Shared.FieldProblem(idPrefix + f, $"{label(f)}: {ErrorsOf(f)}")).ToList();

    private decimal? Number(string field, string? typed = null) => Kept(field, TypedNumbers.Read(typed ?? Value(field)));

    private decimal? Kept(string field, NumberReading reading)
    {
        if (reading.Problem is { } problem) Errors[field] = [explain(problem)];
        return reading.Value;
    }

    /// <summary>A share typed as a percentage (10, "10 %"), as the fraction the calculator takes (0.10).</summary>
    private decimal? Share(string field)
    {
        var percent = Number(field, Value(field).TrimEnd('%').Trim());
        if (percent is null) return null;
        if (percent is >= 0 and <= 100) return percent / 100m;
        Errors[field] = [NotAPercentage(percent.Value).In(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName)];
        return null;
    }

    private int? Whole(string field) => (int?)Kept(field, TypedNumbers.ReadWhole(Value(field)));
}
