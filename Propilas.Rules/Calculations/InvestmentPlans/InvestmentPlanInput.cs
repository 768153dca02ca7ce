namespace Propilas.Rules.Calculations;

/// <summary>One district's inputs to the W&amp;S investment plan (money in soles).</summary>
/// <param name="TotalBudget">Total municipal budget of the base year.</param>
/// <param name="InvestmentBudget">Part of the budget allocated to investment.</param>
/// <param name="CoveragePct">Present drinking-water coverage, 0..100.</param>
/// <param name="RehabilitationPopulation">Population whose systems must be rehabilitated within the plan period.</param>
public sealed record InvestmentPlanInput(
    string District,
    decimal TotalBudget,
    decimal InvestmentBudget,
    int Population,
    decimal CoveragePct,
    int RehabilitationPopulation)
{
    public IReadOnlyList<InputError> Validate()
    {
        var errors = new List<InputError>();
        if (string.IsNullOrWhiteSpace(District))
            errors.Add(InputError.Required("district"));
        InputChecks.Positive(errors, "totalBudget", TotalBudget);
        InputChecks.NotAbove(errors, "totalBudget", TotalBudget, InputChecks.MaxMoney, InputChecks.MaxMoneyName);
        InputChecks.NotNegative(errors, "investmentBudget", InvestmentBudget);
        if (TotalBudget > 0)
            InputChecks.NotAbove(errors, "investmentBudget", InvestmentBudget, TotalBudget, new("el presupuesto total", "totalBudget"));
        InputChecks.Positive(errors, "population", Population);
        InputChecks.NotAbove(errors, "population", Population, InputChecks.MaxPeople, InputChecks.MaxPeopleName);
        InputChecks.InRange(errors, "coveragePct", CoveragePct, 0, 100);
        if (RehabilitationPopulation < 0)
            InputChecks.NotNegative(errors, "rehabilitationPopulation", RehabilitationPopulation);
        else if (Population > 0)
            InputChecks.NotAbove(errors, "rehabilitationPopulation", RehabilitationPopulation, Population, new("la población", "population"));
        return errors;
    }
}
