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
    public Type FactType => typeof(DistrictGateFacts);

    /// <summary>Only the parts the conditions read are queried: a process view asks for one gate's, not every gate's.</summary>
    public async Task<IRuleFact> BuildAsync(GateContext context, IReadOnlySet<string> reads, CancellationToken ct)
    {
        var subject = context.Instance.Subject;
        if (!DistrictSlug.TryOfSubject(subject, out var slug))
            throw new InvalidOperationException($"The gate of {subject} needs district facts, but it is not a district's process.");
        var district = await db.FindDistrictAsync(slug, ct) ?? throw new InvalidOperationException($"No district '{slug}' for the process {subject}.");
        return await BuildAsync(slug, district.Id, district.Name, reads, ct);
    }

    /// <param name="reads">The members to fill; the others stay empty, so the facts are only good for rules that read none of them.</param>
    private async Task<DistrictGateFacts> BuildAsync(DistrictSlug slug, int districtId, string name, IReadOnlySet<string> reads, CancellationToken ct)
    {
        var (invited, committee) = (Representation.Empty, Representation.Empty);
        if (reads.Contains(nameof(DistrictGateFacts.Invited))) invited = Representation.Of(await ListAsync(InvitedSectors(db, districtId), ct));
        if (reads.Contains(nameof(DistrictGateFacts.Committee))) committee = Representation.Of(await ListAsync(CommitteeSectors(db, districtId), ct));
        var (goals, activities) = (new List<StrategicGoal>(), new List<OperatingPlanActivity>());
        if (reads.Contains(nameof(DistrictGateFacts.StrategicGoals)) || reads.Contains(nameof(DistrictGateFacts.OperatingPlanActivities)))
            await foreach (var line in PlanLines(db, districtId).WithCancellation(ct))
                if (line.IsGoal) goals.Add(new StrategicGoal(line.Text, line.Target));
                else activities.Add(new OperatingPlanActivity(line.Text, line.Owner));
        IReadOnlyList<InvestmentYear> years = [];
        if (reads.Contains(nameof(DistrictGateFacts.InvestmentYears)))
        {
            var budget = await db.Set<InvestmentBudget>().AsNoTracking().FirstOrDefaultAsync(b => b.DistrictId == districtId, ct);
            var municipal = await db.Set<Commitment>().AsNoTracking()
                .Where(c => c.DistrictId == districtId && c.IsMunicipality && c.FirstYear != null).ToListAsync(ct);
            years = MunicipalShare.Years(budget, defaults.InvestmentPlan.Years, municipal);
        }

        return new DistrictGateFacts
        {
            DistrictKey = slug.Value,
            Name = name,
            Invited = invited,
            Committee = committee,
            InvestmentYears = years,
            StrategicGoals = goals,
            OperatingPlanActivities = activities,
        };
    }

    // Compiled once: gate checks run on every process request.
    private static readonly Func<PropilasDb, int, IAsyncEnumerable<(Sector, CommunityOrganisationKind?)>> InvitedSectors = EF.CompileAsyncQuery((PropilasDb db, int districtId) =>
        db.Set<Invitation>().AsNoTracking().Where(i => i.DistrictId == districtId).Select(i => new ValueTuple<Sector, CommunityOrganisationKind?>(i.Sector, i.CommunityOrganisationKind)).Distinct());

    private static readonly Func<PropilasDb, int, IAsyncEnumerable<(Sector, CommunityOrganisationKind?)>> CommitteeSectors = EF.CompileAsyncQuery((PropilasDb db, int districtId) =>
        db.Set<CommitteeMember>().AsNoTracking().Where(m => m.DistrictId == districtId).Select(m => new ValueTuple<Sector, CommunityOrganisationKind?>(m.Sector, m.CommunityOrganisationKind)).Distinct());

    /// <summary>A goal or an activity of the strategic plan, read together: the design gate reads both, and a statement costs more than its rows.</summary>
    private sealed class PlanLine
    {
        public bool IsGoal { get; init; }
        public int Id { get; init; }
        public required string Text { get; init; }
        public decimal? Target { get; init; }
        public string? Owner { get; init; }
    }

    // Goals first, then activities, each in the order they were written.
    private static readonly Func<PropilasDb, int, IAsyncEnumerable<PlanLine>> PlanLines = EF.CompileAsyncQuery<PropilasDb, int, PlanLine>((db, districtId) =>
        db.Set<PlanGoal>().AsNoTracking().Where(g => g.DistrictId == districtId)
            .Select(g => new PlanLine { IsGoal = true, Id = g.Id, Text = g.Text, Target = g.TargetValue, Owner = null })
            .Concat(db.Set<PlanActivity>().AsNoTracking().Where(a => a.DistrictId == districtId)
                .Select(a => new PlanLine { IsGoal = false, Id = a.Id, Text = a.Text, Target = null, Owner = a.Owner }))
            .OrderByDescending(l => l.IsGoal).ThenBy(l => l.Id));

    private static async Task<List<T>> ListAsync<T>(IAsyncEnumerable<T> rows, CancellationToken ct)
    {
        var list = new List<T>();
        await foreach (var row in rows.WithCancellation(ct)) list.Add(row);
        return list;
    }
}
