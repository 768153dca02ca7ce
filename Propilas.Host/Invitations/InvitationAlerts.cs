using Microsoft.EntityFrameworkCore;
using Propilas.Host.Alerts;
using Propilas.Host.Database;
using Propilas.Rules.Engine;
using Propilas.Rules.Facts;

namespace Propilas.Host.Invitations;

/// <summary><c>invitation.unanswered</c> and any other rule on invitations, over every invitation still waiting for an answer.</summary>
public sealed class InvitationAlerts(PropilasDb db, IRuleEvaluator rules) : IAlertSource
{
    public DistrictArea Watches => DistrictArea.Invitations;

    public bool Raises(string ruleId) => rules.IsOver<InvitationFacts>(ruleId);

    public async Task<IReadOnlyList<AlertCandidate>> EvaluateAsync(IReadOnlyCollection<int>? districtIds, DateOnly today, CancellationToken ct)
    {
        // Answered invitations are left out: the invitation rules only raise on unanswered ones, and the full pass must stay fast.
        var query = db.Set<Invitation>().AsNoTracking().Where(i => i.Answer == InvitationAnswer.Pending);
        if (districtIds is not null) query = query.Where(i => districtIds.Contains(i.DistrictId));
        var rows = await query.Select(i => new { i.Id, i.DistrictId, i.Organisation, i.Sector, i.CommunityOrganisationKind, i.Event, i.InvitedOn })
            .ToListAsync(ct);
        var candidates = new List<AlertCandidate>();
        foreach (var i in rows)
        {
            var fact = new InvitationFacts
            {
                Id = i.Id, Organisation = i.Organisation, Sector = i.Sector, CommunityOrganisationKind = i.CommunityOrganisationKind,
                Event = Invitation.FactEvent(i.Event), InvitedOn = i.InvitedOn, Answered = false,
                DaysSinceInvitation = Math.Max(0, today.DayNumber - i.InvitedOn.DayNumber),
            };
            candidates.AddRange(rules.Evaluate(fact).Select(o => o.ToCandidate(i.DistrictId)));
        }
        return candidates;
    }
}
