using Microsoft.EntityFrameworkCore;
using Propilas.Host.Calculations;
using Propilas.Host.Commitments;
using Propilas.Host.Committee;
using Propilas.Host.Database;
using Propilas.Host.Districts;
using Propilas.Host.Invitations;
using Propilas.Host.StrategicPlan;
using Propilas.Host.Rules;
using Propilas.Rules.Facts;
using Propilas.Workflows.Runtime;

namespace Propilas.Host.Participation;

/// <summary>The district's invitations, committee, plan and municipal commitments as the stage-gate rules read them.</summary>
public sealed class DistrictGateFactsProvider(PropilasDb db, CalculationDefaults defaults) : IGateFactsProvider
{
    private const string SubjectPrefix = "district:";

    public Type FactType => typeof(DistrictGateFacts);

    public async Task<IRuleFact> BuildAsync(GateContext context, CancellationToken ct)
    {
        var subject = context.Instance.Subject.Value;
        if (!subject.StartsWith(SubjectPrefix, StringComparison.Ordinal) || !DistrictSlug.TryParse(subject[SubjectPrefix.Length..], out var slug))
            throw new InvalidOperationException($"The gate of {subject} needs district facts, but it is not a district's process.");
        var district = await db.Districts.AsNoTracking().Where(d => d.Slug == slug).Select(d => new { d.Id, d.Name }).FirstOrDefaultAsync(ct)
            ?? throw new InvalidOperationException($"No district '{slug}' for the process {subject}.");
        return await BuildAsync(slug, district.Id, district.Name, ct);
    }

    public async Task<DistrictGateFacts> BuildAsync(DistrictSlug slug, int districtId, string name, CancellationToken ct)
    {
        var invited = await db.Set<Invitation>().AsNoTracking().Where(i => i.DistrictId == districtId)
            .Select(i => new { i.Sector, i.CommunityOrganisationKind }).Distinct().ToListAsync(ct);
        var committee = await db.Set<CommitteeMember>().AsNoTracking().Where(m => m.DistrictId == districtId)
            .Select(m => new { m.Sector, m.CommunityOrganisationKind }).Distinct().ToListAsync(ct);
        var goals = await db.Set<PlanGoal>().AsNoTracking().Where(g => g.DistrictId == districtId).OrderBy(g => g.Id)
            .Select(g => new { g.Text, g.TargetValue }).ToListAsync(ct);
        var activities = await db.Set<PlanActivity>().AsNoTracking().Where(a => a.DistrictId == districtId).OrderBy(a => a.Id)
            .Select(a => new { a.Text, a.Owner }).ToListAsync(ct);
        var budget = await db.Set<InvestmentBudget>().AsNoTracking().FirstOrDefaultAsync(b => b.DistrictId == districtId, ct);
        var municipal = await db.Set<Commitment>().AsNoTracking()
            .Where(c => c.DistrictId == districtId && c.IsMunicipality && c.FirstYear != null).ToListAsync(ct);

        return new DistrictGateFacts
        {
            DistrictKey = slug.Value,
            Name = name,
            Invited = Represent(invited.Select(i => (i.Sector, i.CommunityOrganisationKind))),
            Committee = Represent(committee.Select(m => (m.Sector, m.CommunityOrganisationKind))),
            InvestmentYears = MunicipalShare.Years(budget, defaults.InvestmentPlan.Years, municipal),
            StrategicGoals = goals.Select(g => new StrategicGoal(g.Text, g.TargetValue)).ToList(),
            OperatingPlanActivities = activities.Select(a => new OperatingPlanActivity(a.Text, a.Owner)).ToList(),
        };
    }

    private static Representation Represent(IEnumerable<(Sector Sector, CommunityOrganisationKind? Kind)> rows)
    {
        var list = rows.ToList();
        return new Representation(list.Select(r => r.Sector).ToHashSet(), list.Where(r => r.Kind is not null).Select(r => r.Kind!.Value).ToHashSet());
    }
}
