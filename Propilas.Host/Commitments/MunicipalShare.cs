using Propilas.Rules.Facts;

namespace Propilas.Host.Commitments;

/// <summary>The investment plan's years, each with its budget and what the municipality committed for it: what <c>commitment.municipal-share-low</c> reads.</summary>
public static class MunicipalShare
{
    /// <returns>No years when the district has no investment budget recorded.</returns>
    public static IReadOnlyList<InvestmentYear> Years(InvestmentBudget? budget, int planYears, IReadOnlyCollection<Commitment> commitments) =>
        budget is null
            ? []
            : budget.PlanYears(planYears)
                .Select(y => new InvestmentYear(y, budget.AnnualInvestmentBudget, commitments.Sum(c => c.AmountFor(y))))
                .ToList();
}
