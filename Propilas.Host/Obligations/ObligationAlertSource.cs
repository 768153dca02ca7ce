using Microsoft.EntityFrameworkCore;
using Propilas.Host.Alerts;
using Propilas.Host.Database;
using Propilas.Rules.Engine;
using Propilas.Rules.Facts;

namespace Propilas.Host.Obligations;

/// <summary><c>obligations.json</c> over the open obligations of the given districts, in one query.</summary>
public sealed class ObligationAlertSource(PropilasDb db, IRuleEvaluator rules) : IAlertSource
{
    public async Task<IReadOnlyList<AlertCandidate>> EvaluateAsync(IReadOnlyCollection<int>? districtIds, DateOnly today, CancellationToken ct)
    {
        // A fulfilled obligation owes nothing, so only open ones are read.
        var query = db.Set<Obligation>().AsNoTracking().Where(o => o.FulfilledOn == null);
        if (districtIds is not null) query = query.Where(o => districtIds.Contains(o.DistrictId));
        var open = await query.ToListAsync(ct);

        var candidates = new List<AlertCandidate>();
        foreach (var obligation in open)
            foreach (var outcome in rules.Evaluate(ObligationFactsOf(obligation, today)))
                candidates.Add(outcome.ToCandidate(obligation.DistrictId));
        return candidates;
    }

    public static ObligationFacts ObligationFactsOf(Obligation o, DateOnly today) => new()
    {
        Id = o.Id,
        Key = o.Key,
        Stakeholder = o.Stakeholder,
        Text = new LocalizedText(o.TextEs, o.TextEn),
        DueOn = o.DueOn,
        Fulfilled = o.Fulfilled,
        DaysOverdue = Math.Max(0, today.DayNumber - o.DueOn.DayNumber),
    };
}
