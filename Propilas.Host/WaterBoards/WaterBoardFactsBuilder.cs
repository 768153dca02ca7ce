using Propilas.Rules.Facts;

namespace Propilas.Host.WaterBoards;

/// <summary>A board as its rules see it on a given day: day and month counts come from the host's clock, never from rules.</summary>
public static class WaterBoardFactsBuilder
{
    public static WaterBoardFacts Build(WaterBoard board, DateOnly? lastVisitOn, DateOnly today) => new()
    {
        Id = board.Id,
        Name = board.Name,
        Locality = board.Locality,
        WaterSystem = board.WaterSystem,
        LegallyConstituted = board.LegallyConstituted,
        AomTrained = board.AomTrained,
        HasOmPlan = board.HasOmPlan,
        Chlorinates = board.Chlorinates,
        LastTariffReviewOn = board.LastTariffReviewOn,
        MonthsSinceTariffReview = board.LastTariffReviewOn is { } reviewed ? WholeMonths(reviewed, today) : null,
        InstallmentsDue = board.LoanInstallmentsDue,
        InstallmentsPaid = board.LoanInstallmentsPaid,
        InstallmentAmount = board.LoanInstallmentAmount,
        ReplacementDepositMadeLastMonth = board.HasReplacementFund ? board.LastReplacementDepositMonth >= PreviousMonth(today) : null,
        AnnualTariffRevenue = board.AnnualTariffRevenue,
        AnnualOmCost = board.AnnualOmCost,
        AnnualDebtService = board.AnnualDebtService,
        AnnualReplacementProvision = board.AnnualReplacementProvision,
        LastVisitOn = lastVisitOn,
        DaysSinceLastVisit = lastVisitOn is { } visited ? Math.Max(0, today.DayNumber - visited.DayNumber) : null,
    };

    /// <summary>Whole months from one date to another: 2025-03-15 → 2026-03-14 is 11, → 2026-03-15 is 12.</summary>
    public static int WholeMonths(DateOnly from, DateOnly to)
    {
        var months = (to.Year - from.Year) * 12 + to.Month - from.Month;
        if (to.Day < from.Day) months--;
        return Math.Max(0, months);
    }

    /// <summary>The first day of the month before <paramref name="today"/>'s.</summary>
    public static DateOnly PreviousMonth(DateOnly today) => new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
}
