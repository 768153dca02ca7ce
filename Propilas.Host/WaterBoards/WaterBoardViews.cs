using System.Text.Json.Nodes;
using Propilas.Workflows;

namespace Propilas.Host.WaterBoards;

/// <summary>A board with its facts as recorded, what follows from them today, and its open alerts.</summary>
public sealed record WaterBoardView(
    int Id, string Name, string Locality, string WaterSystem,
    bool LegallyConstituted, bool AomTrained, bool HasOmPlan, bool Chlorinates,
    DateOnly? LastTariffReviewOn, int? MonthsSinceTariffReview,
    decimal LoanInstallmentAmount, int LoanInstallmentsDue, int LoanInstallmentsPaid, int InstallmentsOverdue, decimal OverdueAmount, decimal LatePenalty,
    bool HasReplacementFund, string? LastReplacementDepositMonth, bool? ReplacementDepositMadeLastMonth,
    decimal AnnualTariffRevenue, decimal AnnualOmCost, decimal AnnualDebtService, decimal AnnualReplacementProvision, decimal AnnualCostToCover,
    DateOnly? LastVisitOn, int? DaysSinceLastVisit, int Version, IReadOnlyList<BoardAlert> Alerts);

public sealed record BoardAlert(long Id, string RuleId, string Severity, bool Escalated, string Status, IReadOnlyList<string> Notifies, LocalizedText Message);

public sealed record VisitView(long Id, DateOnly VisitedOn, string VisitedBy, string Findings, JsonObject? FactsObserved, string RecordedBy, string RecordedRole,
    DateTimeOffset RecordedAt);

public sealed record WaterBoardDetail(WaterBoardView Board, IReadOnlyList<VisitView> Visits);

/// <summary>A district's boards and how many of them have what the diagnosis counts.</summary>
public sealed record WaterBoardList(int Total, int WithOmPlan, int Chlorinating, int LegallyConstituted, int AomTrained, IReadOnlyList<WaterBoardView> Boards);
