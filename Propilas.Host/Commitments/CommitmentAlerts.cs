using Microsoft.EntityFrameworkCore;
using Propilas.Host.Alerts;
using Propilas.Host.Database;
using Propilas.Rules.Engine;
using Propilas.Rules.Facts;

namespace Propilas.Host.Commitments;

/// <summary><c>commitment.overdue</c> and any other rule on commitments, over every pending commitment.</summary>
public sealed class CommitmentAlerts(PropilasDb db, IRuleEvaluator rules) : IAlertSource
{
    public DistrictArea Watches => DistrictArea.Commitments;

    public bool Raises(string ruleId) => rules.IsOver<CommitmentFacts>(ruleId);

    public async Task<IReadOnlyList<AlertCandidate>> EvaluateAsync(IReadOnlyCollection<int>? districtIds, DateOnly today, CancellationToken ct)
    {
        // Fulfilled and cancelled commitments are left out: the commitment rules only raise on pending ones.
        var query = db.Set<Commitment>().AsNoTracking().Where(c => c.Status == CommitmentStatus.Pending);
        if (districtIds is not null) query = query.Where(c => districtIds.Contains(c.DistrictId));
        var rows = await query.ToListAsync(ct);
        var candidates = new List<AlertCandidate>();
        foreach (var c in rows)
        {
            var fact = new CommitmentFacts
            {
                Id = c.Id, Party = c.Party, What = c.What, Amount = c.Amount, DueOn = c.DueOn, Status = c.Status, DaysOverdue = c.DaysOverdue(today),
                DaysUntilDue = c.DaysUntilDue(today),
            };
            candidates.AddRange(rules.Evaluate(fact).Select(o => o.ToCandidate(c.DistrictId)));
        }
        return candidates;
    }
}
