using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Propilas.Host.Alerts;
using Propilas.Host.Calculations;
using Propilas.Host.Common;
using Propilas.Host.Database;
using Propilas.Host.Districts;
using Propilas.Host.Planning;
using Propilas.Rules.Calculations;

namespace Propilas.Host.InvestmentPlans;

/// <summary>
/// Saves a district's investment-plan inputs and chosen parameters: every problem reported by field, nothing saved on
/// error, a save from an older version refused as stale, audited in the same transaction, alerts re-evaluated after.
/// </summary>
public sealed class InvestmentInputsEditor(PropilasDb db, InvestmentPlanner planner, DistrictChanges changes, TimeProvider time)
{
    /// <param name="Errors">Each rejected field, named as the API names it (e.g. <c>parameters.years</c>).</param>
    public sealed record Outcome(DistrictInvestmentInputs? Saved, IReadOnlyList<InputError> Errors, bool Stale = false);

    public async Task<Outcome> SaveAsync(District district, InvestmentPlanEndpoints.InputsRequest request, string by, string role, CancellationToken ct)
    {
        var errors = Validate(district, request, out var input);
        if (errors.Count > 0) return new Outcome(null, errors);

        var existing = await db.Set<DistrictInvestmentInputs>().FirstOrDefaultAsync(i => i.DistrictId == district.Id, ct);
        if (request.ExpectedVersion is { } expected && expected != (existing?.Version ?? 0)) return new Outcome(null, [], Stale: true);
        var before = existing is null ? null : Snapshot(existing);
        var inputs = existing ?? new DistrictInvestmentInputs { DistrictId = district.Id, UpdatedBy = by };
        if (existing is null) db.Add(inputs);
        inputs.TotalBudget = input!.TotalBudget;
        inputs.InvestmentBudget = input.InvestmentBudget;
        inputs.Population = input.Population;
        inputs.CoveragePct = input.CoveragePct;
        inputs.RehabilitationPopulation = input.RehabilitationPopulation;
        inputs.SetParameterOverrides(request.Parameters);
        inputs.Version = (existing?.Version ?? 0) + 1;
        inputs.UpdatedAt = time.GetUtcNow();
        inputs.UpdatedBy = by;
        db.AuditEvents.Add(Audit(district, before, inputs, by, role, inputs.UpdatedAt));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsConflict()) // someone else saved first (version changed, or the first inputs created concurrently)
        {
            db.ChangeTracker.Clear();
            return new Outcome(null, [], Stale: true);
        }
        await changes.AfterChangeAsync(district.Id, DistrictArea.InvestmentPlan, ct);
        return new Outcome(inputs, []);
    }

    private List<InputError> Validate(District district, InvestmentPlanEndpoints.InputsRequest request, out InvestmentPlanInput? input)
    {
        input = InvestmentPlanMapping.Input(new InvestmentPlanDistrictRequest(district.Name, request.TotalBudget, request.InvestmentBudget,
            request.Population, request.CoveragePct, request.RehabilitationPopulation), out var errors);
        // Range checks also for the fields that were given when others are missing, so one answer names every problem.
        var provisional = input ?? new InvestmentPlanInput(district.Name, request.TotalBudget ?? 0, request.InvestmentBudget ?? 0, request.Population ?? 0,
            request.CoveragePct ?? 0, request.RehabilitationPopulation ?? 0);
        var missing = errors.Select(e => e.Field).ToHashSet();
        errors.AddRange(provisional.Validate().Where(e => !missing.Contains(e.Field)));
        errors.AddRange(InvestmentPlanMapping.Parameters(request.Parameters, planner.Defaults).Validate().Select(e => e with { Field = "parameters." + e.Field }));
        return errors;
    }

    public static AuditEvent Audit(District district, string? before, DistrictInvestmentInputs after, string by, string role, DateTimeOffset at) => new()
    {
        Subject = district.Slug.Subject.Value, Action = "investment-inputs.saved", Target = "investment-inputs", By = by, Role = role, At = at,
        Before = before, After = Snapshot(after),
    };

    private static string Snapshot(DistrictInvestmentInputs i) => JsonSerializer.Serialize(new
    {
        TotalBudget = i.TotalBudget.Plain(), InvestmentBudget = i.InvestmentBudget.Plain(), i.Population, CoveragePct = i.CoveragePct.Plain(),
        i.RehabilitationPopulation, parameters = i.ParameterOverrides, i.Version,
    }, InvestmentPlanner.Json);
}
