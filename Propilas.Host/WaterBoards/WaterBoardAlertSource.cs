using Microsoft.EntityFrameworkCore;
using Propilas.Host.Alerts;
using Propilas.Host.Database;
using Propilas.Rules.Engine;
using Propilas.Rules.Facts;

namespace Propilas.Host.WaterBoards;

/// <summary>
/// The follow-up rules (<c>water-boards.json</c>) over every board of the given districts: two queries (boards, last visit
/// per board), whatever the number of districts, then the compiled rules in memory.
/// </summary>
public sealed class WaterBoardAlertSource(PropilasDb db, IRuleEvaluator rules) : IAlertSource
{
    public const string RuleSet = "water-boards";

    public DistrictArea Watches => DistrictArea.WaterBoards;

    public bool Raises(string ruleId) => rules.IsOver<WaterBoardFacts>(ruleId);

    public async Task<IReadOnlyList<AlertCandidate>> EvaluateAsync(IReadOnlyCollection<int>? districtIds, DateOnly today, CancellationToken ct)
    {
        var query = db.Set<WaterBoard>().AsNoTracking();
        if (districtIds is not null) query = query.Where(b => districtIds.Contains(b.DistrictId));
        // Only what the rules read (no timestamps): the full pass reads tens of thousands of boards.
        var boards = await query.Select(b => new WaterBoard
        {
            Id = b.Id, DistrictId = b.DistrictId, Name = b.Name, Locality = b.Locality, WaterSystem = b.WaterSystem,
            LegallyConstituted = b.LegallyConstituted, AomTrained = b.AomTrained, HasOmPlan = b.HasOmPlan, Chlorinates = b.Chlorinates,
            LastTariffReviewOn = b.LastTariffReviewOn, LoanInstallmentAmount = b.LoanInstallmentAmount, LoanInstallmentsDue = b.LoanInstallmentsDue,
            LoanInstallmentsPaid = b.LoanInstallmentsPaid, HasReplacementFund = b.HasReplacementFund, LastReplacementDepositMonth = b.LastReplacementDepositMonth,
            AnnualTariffRevenue = b.AnnualTariffRevenue, AnnualOmCost = b.AnnualOmCost, AnnualDebtService = b.AnnualDebtService,
            AnnualReplacementProvision = b.AnnualReplacementProvision,
        }).ToListAsync(ct);
        if (boards.Count == 0) return [];
        var lastVisits = await WaterBoardQueries.LastVisitsAsync(db, districtIds, ct);

        // Rendering the messages of every rule that holds is most of the work: a full pass spreads it over the cores.
        return boards
            .AsParallel().WithDegreeOfParallelism(boards.Count > 2000 ? Environment.ProcessorCount : 1)
            .SelectMany(board => rules.Evaluate(WaterBoardFactsBuilder.Build(board, lastVisits.TryGetValue(board.Id, out var last) ? last : null, today))
                .Select(outcome => outcome.ToCandidate(board.DistrictId)))
            .ToList();
    }
}
