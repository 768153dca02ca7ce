namespace Propilas.Rules.Calculations;

/// <summary>Loads <see cref="InvestmentPlanParameters"/> from a JSON rule file (the single source of the defaults).</summary>
public static class InvestmentPlanParametersFile
{
    /// <summary>Loads the shipped workflows/rules/investment-plan.json.</summary>
    public static InvestmentPlanParameters LoadDefault() => Load(RuleFilePaths.InvestmentPlan);

    /// <exception cref="RuleFileException">The file is missing, malformed, or a field is missing or out of range.</exception>
    public static InvestmentPlanParameters Load(string filePath) => RuleNode.Read(filePath, root =>
    {
        var parameters = new InvestmentPlanParameters(
            CoverageDeficitReduction: root.Decimal("coverageDeficitReduction"),
            NewSystemCostPerCapitaUsd: root.Decimal("newSystemCostPerCapitaUsd"),
            RehabilitationCostPerCapitaUsd: root.Decimal("rehabilitationCostPerCapitaUsd"),
            ExchangeRateSolesPerUsd: root.Decimal("exchangeRateSolesPerUsd"),
            MunicipalShare: root.Decimal("municipalShare"),
            Years: root.Int32("years"),
            CommunityShare: root.Decimal("communityShare"));
        root.ThrowIfInvalid(parameters.Validate());
        return parameters;
    });
}
