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
            errors.Add(new("district", "is required"));
        InputChecks.Positive(errors, "totalBudget", TotalBudget);
        InputChecks.NotNegative(errors, "investmentBudget", InvestmentBudget);
        if (InvestmentBudget > TotalBudget && TotalBudget > 0)
            errors.Add(new("investmentBudget", $"must not exceed totalBudget ({InvestmentBudget} > {TotalBudget})"));
        if (Population <= 0)
            errors.Add(new("population", $"must be greater than 0 (was {Population})"));
        if (CoveragePct is < 0 or > 100)
            errors.Add(new("coveragePct", $"must be between 0 and 100 (was {CoveragePct})"));
        if (RehabilitationPopulation < 0)
            errors.Add(new("rehabilitationPopulation", $"must not be negative (was {RehabilitationPopulation})"));
        else if (RehabilitationPopulation > Population && Population > 0)
            errors.Add(new("rehabilitationPopulation", $"must not exceed population ({RehabilitationPopulation} > {Population})"));
        return errors;
    }
}
