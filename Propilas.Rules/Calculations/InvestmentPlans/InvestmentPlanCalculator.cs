namespace Propilas.Rules.Calculations;

/// <summary>Computes a district's W&amp;S investment plan from its inputs and the plan parameters.</summary>
public static class InvestmentPlanCalculator
{
    /// <summary>The plan as shown (rounded).</summary>
    /// <exception cref="CalculationInputException">Invalid input or parameters; the message names each field.</exception>
    public static InvestmentPlanResult Calculate(InvestmentPlanInput input, InvestmentPlanParameters parameters) =>
        InvestmentPlanResult.From(Compute(input, parameters));

    /// <summary>The plan with unrounded decimal figures.</summary>
    /// <exception cref="CalculationInputException">Invalid input or parameters; the message names each field.</exception>
    public static InvestmentPlanFigures Compute(InvestmentPlanInput input, InvestmentPlanParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(parameters);
        CalculationInputException.ThrowIfAny("investment plan parameters", parameters.Validate());
        CalculationInputException.ThrowIfAny("investment plan input", input.Validate());

        var gapPct = parameters.CoverageDeficitReduction * (100m - input.CoveragePct);
        var newSystemsPopulation = input.Population * gapPct / 100m;
        // The unrounded population is priced: San Juan's 550.88 persons give S/ 327,815 as published,
        // whereas the rounded 551 would give 327,886.
        var newSystemsInvestment = newSystemsPopulation * parameters.NewSystemCostPerCapitaSoles;
        var rehabilitationInvestment = input.RehabilitationPopulation * parameters.RehabilitationCostPerCapitaSoles;
        var totalInvestment = newSystemsInvestment + rehabilitationInvestment;
        var municipalCommitment = input.InvestmentBudget * parameters.MunicipalShare * parameters.Years;
        var communityCofinancing = totalInvestment * parameters.CommunityShare;
        var budgetOverPlan = input.InvestmentBudget * parameters.Years;

        return new InvestmentPlanFigures(
            District: input.District,
            TotalBudget: input.TotalBudget,
            InvestmentBudget: input.InvestmentBudget,
            InvestmentSharePct: 100m * input.InvestmentBudget / input.TotalBudget,
            Population: input.Population,
            CoveragePct: input.CoveragePct,
            CoverageGoalPct: input.CoveragePct + gapPct,
            CoverageGapPct: gapPct,
            NewSystemsPopulation: newSystemsPopulation,
            NewSystemsInvestment: newSystemsInvestment,
            RehabilitationPopulation: input.RehabilitationPopulation,
            RehabilitationPct: 100m * input.RehabilitationPopulation / input.Population,
            RehabilitationInvestment: rehabilitationInvestment,
            TotalInvestment: totalInvestment,
            MunicipalCommitment: municipalCommitment,
            CommunityCofinancing: communityCofinancing,
            Balance: municipalCommitment + communityCofinancing - totalInvestment,
            MunicipalSharePctToBreakEven: budgetOverPlan == 0
                ? null
                : 100m * (totalInvestment - communityCofinancing) / budgetOverPlan);
    }
}
