namespace Propilas.Rules.Calculations;

/// <summary>
/// Plan parameters shared by all districts. The values in force live in
/// workflows/rules/investment-plan.json (see <see cref="InvestmentPlanParametersFile"/>);
/// the property names are also the JSON field names.
/// </summary>
/// <param name="CoverageDeficitReduction">Fraction of the present coverage deficit to close by the goal year.</param>
/// <param name="NewSystemCostPerCapitaUsd">Per-capita cost of a new drinking-water system (US$).</param>
/// <param name="RehabilitationCostPerCapitaUsd">Per-capita cost of rehabilitating a system (US$).</param>
/// <param name="ExchangeRateSolesPerUsd">Soles per US dollar.</param>
/// <param name="MunicipalShare">Fraction of the annual municipal investment budget committed to W&amp;S.</param>
/// <param name="Years">Number of years of the municipal commitment.</param>
/// <param name="CommunityShare">Fraction of the total W&amp;S investment co-financed by communities.</param>
public sealed record InvestmentPlanParameters(
    decimal CoverageDeficitReduction,
    decimal NewSystemCostPerCapitaUsd,
    decimal RehabilitationCostPerCapitaUsd,
    decimal ExchangeRateSolesPerUsd,
    decimal MunicipalShare,
    int Years,
    decimal CommunityShare)
{
    /// <summary>The longest municipal commitment a plan may run over.</summary>
    public const int MaxYears = 50;

    public decimal NewSystemCostPerCapitaSoles => NewSystemCostPerCapitaUsd * ExchangeRateSolesPerUsd;

    public decimal RehabilitationCostPerCapitaSoles => RehabilitationCostPerCapitaUsd * ExchangeRateSolesPerUsd;

    public IReadOnlyList<InputError> Validate()
    {
        var errors = new List<InputError>();
        InputChecks.Fraction(errors, "coverageDeficitReduction", CoverageDeficitReduction);
        InputChecks.NotNegative(errors, "newSystemCostPerCapitaUsd", NewSystemCostPerCapitaUsd);
        InputChecks.NotNegative(errors, "rehabilitationCostPerCapitaUsd", RehabilitationCostPerCapitaUsd);
        InputChecks.Positive(errors, "exchangeRateSolesPerUsd", ExchangeRateSolesPerUsd);
        InputChecks.Fraction(errors, "municipalShare", MunicipalShare);
        if (Years < 1) errors.Add(new("years", new($"Debe ser al menos 1 (era {Years}).", $"must be at least 1 (was {Years})")));
        else if (Years > MaxYears) errors.Add(new("years", new($"Debe ser como máximo {MaxYears} (era {Years}).", $"must be at most {MaxYears} (was {Years})")));
        InputChecks.Fraction(errors, "communityShare", CommunityShare);
        return errors;
    }
}
