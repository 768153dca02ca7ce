using Microsoft.EntityFrameworkCore;
using Propilas.Host.Alerts;
using Propilas.Host.Database;
using Propilas.Rules.Engine;
using Propilas.Rules.Facts;
using Propilas.Rules.Obligations;

namespace Propilas.Host.Obligations;

/// <summary><c>obligations.json</c> over the open obligations of the given districts, in one query.</summary>
public sealed class ObligationAlertSource(PropilasDb db, IRuleEvaluator rules, StakeholderRoleMatrix matrix) : IAlertSource
{
    /// <summary>Obligations change when fulfilled, and when the timeline moves (ObligationSync re-plans them with the write).</summary>
    public DistrictArea Watches => DistrictArea.Obligations | DistrictArea.ProcessTimeline;

    public bool Raises(string ruleId) => rules.IsOver<ObligationFacts>(ruleId);

    public async Task<IReadOnlyList<AlertCandidate>> EvaluateAsync(IReadOnlyCollection<int>? districtIds, DateOnly today, CancellationToken ct)
    {
        // A fulfilled obligation owes nothing, so only open ones are read; and only the narrow columns, since the full pass
        // reads every district's: the texts are the matrix's, by key, read from the database only for a row the matrix lost.
        var open = new List<Open>();
        if (districtIds is { Count: 1 })
            await foreach (var o in OpenOfDistrict(db, districtIds.First()).WithCancellation(ct)) open.Add(o);
        else
        {
            var query = db.Set<Obligation>().AsNoTracking().Where(o => o.FulfilledOn == null);
            if (districtIds is not null) query = query.Where(o => districtIds.Contains(o.DistrictId));
            open = await query.Select(o => new Open(o.Id, o.DistrictId, o.Key, o.Stakeholder, o.DueOn)).ToListAsync(ct);
        }
        var texts = matrix.TextByKey;
        var orphans = open.Where(o => !texts.ContainsKey(o.Key)).Select(o => o.Id).ToList();
        var stored = orphans.Count == 0 ? [] : await db.Set<Obligation>().AsNoTracking().Where(o => orphans.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => new LocalizedText(o.TextEs, o.TextEn), ct);

        var candidates = new List<AlertCandidate>();
        foreach (var o in open)
        {
            var facts = new ObligationFacts
            {
                Id = o.Id, Key = o.Key, Stakeholder = o.Stakeholder, Text = texts.GetValueOrDefault(o.Key) ?? stored[o.Id], DueOn = o.DueOn,
                Fulfilled = false, DaysOverdue = DaysOverdue(o.DueOn, today),
                DaysUntilDue = DaysUntilDue(o.DueOn, today),
            };
            foreach (var outcome in rules.Evaluate(facts)) candidates.Add(outcome.ToCandidate(o.DistrictId));
        }
        return candidates;
    }

    private sealed record Open(int Id, int DistrictId, string Key, Stakeholder Stakeholder, DateOnly DueOn);

    // Compiled once: every change to a district's obligations reads them.
    private static readonly Func<PropilasDb, int, IAsyncEnumerable<Open>> OpenOfDistrict = EF.CompileAsyncQuery((PropilasDb db, int districtId) =>
        db.Set<Obligation>().AsNoTracking().Where(o => o.FulfilledOn == null && o.DistrictId == districtId)
            .Select(o => new Open(o.Id, o.DistrictId, o.Key, o.Stakeholder, o.DueOn)));

    /// <summary>Days past the due date; 0 on or before it.</summary>
    public static int DaysOverdue(DateOnly dueOn, DateOnly today) => Math.Max(0, today.DayNumber - dueOn.DayNumber);

    /// <summary>Days left until the due date; 0 on or after it.</summary>
    public static int DaysUntilDue(DateOnly dueOn, DateOnly today) => Math.Max(0, dueOn.DayNumber - today.DayNumber);
}
