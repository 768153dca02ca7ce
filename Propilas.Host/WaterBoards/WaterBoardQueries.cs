using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Propilas.Host.Alerts;
using Propilas.Host.Database;
using Propilas.Host.Districts;
using Propilas.Rules.Calculations;
using Propilas.Rules.Engine;

namespace Propilas.Host.WaterBoards;

/// <summary>Reads a district's boards with today's figures and their open alerts, in a few queries whatever the number of boards.</summary>
public sealed class WaterBoardQueries(PropilasDb db, TimeProvider time, RuleBook rules)
{
    public const string SubjectPrefix = "water-board:";

    public async Task<WaterBoardList> ListAsync(DistrictRef district, CancellationToken ct)
    {
        var boards = await db.Set<WaterBoard>().AsNoTracking().Where(b => b.DistrictId == district.Id).OrderBy(b => b.Locality).ThenBy(b => b.Name)
            .ToListAsync(ct);
        var lastVisits = await LastVisitsAsync(db, [district.Id], ct);
        var alerts = await AlertsAsync(district.Id, null, ct);
        var views = boards.Select(b => View(b, lastVisits.TryGetValue(b.Id, out var last) ? last : null, alerts)).ToList();
        return new WaterBoardList(boards.Count, boards.Count(b => b.HasOmPlan), boards.Count(b => b.Chlorinates), boards.Count(b => b.LegallyConstituted),
            boards.Count(b => b.AomTrained), views);
    }

    public async Task<WaterBoardDetail?> GetAsync(DistrictRef district, int id, CancellationToken ct)
    {
        var board = await db.Set<WaterBoard>().AsNoTracking().FirstOrDefaultAsync(b => b.Id == id && b.DistrictId == district.Id, ct);
        if (board is null) return null;
        var visits = await db.Set<WaterBoardVisit>().AsNoTracking().Where(v => v.WaterBoardId == id)
            .OrderByDescending(v => v.VisitedOn).ThenByDescending(v => v.Id).ToListAsync(ct);
        var alerts = await AlertsAsync(district.Id, SubjectPrefix + id, ct);
        var view = View(board, visits.Count == 0 ? null : visits.Max(v => v.VisitedOn), alerts);
        return new WaterBoardDetail(view, visits.Select(v => new VisitView(v.Id, v.VisitedOn, v.VisitedBy, v.Findings,
            v.FactsObserved is null ? null : JsonNode.Parse(v.FactsObserved)!.AsObject(), v.RecordedBy, v.RecordedRole, v.RecordedAt)).ToList());
    }

    /// <summary>Board id → date of its last visit, for some districts (null: all). One grouped query.</summary>
    public static async Task<Dictionary<int, DateOnly>> LastVisitsAsync(PropilasDb db, IReadOnlyCollection<int>? districtIds, CancellationToken ct)
    {
        var visits = db.Set<WaterBoardVisit>().AsNoTracking();
        if (districtIds is not null) visits = visits.Where(v => districtIds.Contains(v.DistrictId));
        var last = await visits.GroupBy(v => v.WaterBoardId).Select(g => new { Board = g.Key, Last = g.Max(v => v.VisitedOn) }).ToListAsync(ct);
        return last.ToDictionary(l => l.Board, l => l.Last);
    }

    private async Task<ILookup<string, Alert>> AlertsAsync(int districtId, string? subject, CancellationToken ct)
    {
        var query = db.Alerts.AsNoTracking().Where(a => a.DistrictId == districtId && a.Status != AlertStatus.Resolved);
        query = subject is null ? query.Where(a => a.Subject.StartsWith(SubjectPrefix)) : query.Where(a => a.Subject == subject);
        return (await query.OrderByDescending(a => a.Severity == "critical").ThenBy(a => a.RuleId).ToListAsync(ct)).ToLookup(a => a.Subject);
    }

    private WaterBoardView View(WaterBoard b, DateOnly? lastVisit, ILookup<string, Alert> alerts)
    {
        var facts = WaterBoardFactsBuilder.Build(b, lastVisit, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        var arrears = LoanArrears.Calculate(b.LoanInstallmentsDue, b.LoanInstallmentsPaid, b.LoanInstallmentAmount, LatePenaltyRate);
        return new WaterBoardView(b.Id, b.Name, b.Locality, b.WaterSystem, b.LegallyConstituted, b.AomTrained, b.HasOmPlan, b.Chlorinates,
            b.LastTariffReviewOn, facts.MonthsSinceTariffReview, b.LoanInstallmentAmount, b.LoanInstallmentsDue, b.LoanInstallmentsPaid,
            arrears.OverdueInstallments, arrears.OverdueAmount, Math.Round(arrears.OverdueAmount * LatePenaltyRate, 2), // to the cent, as the alert says
            b.HasReplacementFund, WaterBoardChanges.FormatMonth(b.LastReplacementDepositMonth), facts.ReplacementDepositMadeLastMonth,
            b.AnnualTariffRevenue, b.AnnualOmCost, b.AnnualDebtService, b.AnnualReplacementProvision, facts.AnnualCostToCover,
            lastVisit, facts.DaysSinceLastVisit, b.Version,
            alerts[SubjectPrefix + b.Id].Select(a => new BoardAlert(a.Id, a.RuleId, a.Severity, a.Escalated, a.Status.ToString().ToLowerInvariant(),
                a.NotifiedRoles, new(a.MessageEs, a.MessageEn))).ToList());
    }

    /// <summary>The late penalty of the loan-arrears rule (<c>water-boards.json</c>), so pages show what the alert says.</summary>
    private decimal LatePenaltyRate => Convert.ToDecimal(rules.ParametersOf(WaterBoardAlertSource.RuleSet)["latePenaltyRate"], System.Globalization.CultureInfo.InvariantCulture);
}
