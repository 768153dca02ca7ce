namespace Propilas.Rules.Facts;

/// <summary>
/// One water board (JASS) as the follow-up rules see it. Day and month counts are computed by the host
/// from its clock, so rule expressions never read the time themselves.
/// </summary>
public sealed record WaterBoardFacts : IRuleFact
{
    public required int Id { get; init; }
    public required string Name { get; init; }
    public required string Locality { get; init; }
    /// <summary>The water system the board runs, e.g. "gravedad sin tratamiento".</summary>
    public required string WaterSystem { get; init; }

    public required bool LegallyConstituted { get; init; }
    public required bool AomTrained { get; init; }
    public required bool HasOmPlan { get; init; }
    public required bool Chlorinates { get; init; }

    public required DateOnly? LastTariffReviewOn { get; init; }
    /// <summary>Whole months since the last tariff review; null when the tariff was never reviewed.</summary>
    public required int? MonthsSinceTariffReview { get; init; }

    /// <summary>Monthly loan installments due so far (0 when the board has no loan).</summary>
    public required int InstallmentsDue { get; init; }
    public required int InstallmentsPaid { get; init; }
    public required decimal InstallmentAmount { get; init; }
    public int InstallmentsOverdue => Math.Max(0, InstallmentsDue - InstallmentsPaid);

    /// <summary>Whether last month's deposit to the replacement fund was made; null when the board keeps no replacement fund.</summary>
    public required bool? ReplacementDepositMadeLastMonth { get; init; }

    public required decimal AnnualTariffRevenue { get; init; }
    public required decimal AnnualOmCost { get; init; }
    public required decimal AnnualDebtService { get; init; }
    public required decimal AnnualReplacementProvision { get; init; }
    /// <summary>What the tariff must cover at least: O&amp;M, debt service and the replacement provision.</summary>
    public decimal AnnualCostToCover => AnnualOmCost + AnnualDebtService + AnnualReplacementProvision;

    public required DateOnly? LastVisitOn { get; init; }
    /// <summary>Days since the last municipal follow-up visit; null when the board was never visited.</summary>
    public required int? DaysSinceLastVisit { get; init; }

    public RuleSubject Subject => RuleSubject.WaterBoard(Id);
}
