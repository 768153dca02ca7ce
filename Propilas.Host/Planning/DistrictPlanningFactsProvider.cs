using Microsoft.EntityFrameworkCore;
using Propilas.Host.Database;
using Propilas.Host.Districts;
using Propilas.Host.Diagnosis;
using Propilas.Host.InvestmentPlans;
using Propilas.Host.Rules;
using Propilas.Rules.Facts;
using Propilas.Workflows.Runtime;

namespace Propilas.Host.Planning;

/// <summary>The district's planning data (diagnosis, investment plan) for the conditions of its process's steps (fact <c>planning</c>).</summary>
public sealed class DistrictPlanningFactsProvider(PropilasDb db, InvestmentPlanner planner) : IGateFactsProvider
{
    public Type FactType => typeof(DistrictPlanningFacts);

    public async Task<IRuleFact> BuildAsync(GateContext context, IReadOnlySet<string> reads, CancellationToken ct)
    {
        if (!DistrictSlug.TryOfSubject(context.Instance.Subject, out var slug))
            throw new InvalidOperationException($"Planning conditions apply to a district's process, not to {context.Instance.Subject}.");
        var district = await db.Districts.AsNoTracking().FirstAsync(d => d.Slug == slug, ct);
        var localities = await db.Set<DistrictDiagnosis>().AsNoTracking().Where(d => d.DistrictId == district.Id)
            .Select(d => (int?)d.Localities.Count).FirstOrDefaultAsync(ct);
        var inputs = await planner.FindAsync(district.Id, ct);
        var plan = inputs is null ? null : InvestmentPlanner.Plan(district, inputs, planner.ParametersOf(inputs));
        return new DistrictPlanningFacts
        {
            DistrictKey = slug.Value,
            Name = district.Name,
            HasDiagnosis = localities is not null,
            DiagnosisLocalities = localities ?? 0,
            HasInvestmentInputs = inputs is not null,
            PlannedTotalInvestment = plan?.TotalInvestment ?? 0m,
            PlannedMunicipalCommitment = plan?.MunicipalCommitment ?? 0m,
            PlannedBalance = plan?.Balance ?? 0m,
            Process = ProcessEvidenceFactsProvider.From(context.Instance),
        };
    }
}
