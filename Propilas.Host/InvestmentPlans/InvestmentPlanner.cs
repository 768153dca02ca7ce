using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Propilas.Host.Calculations;
using Propilas.Host.Database;
using Propilas.Host.Districts;
using Propilas.Host.Planning;
using Propilas.Rules.Calculations;
using Propilas.Host.Common;

namespace Propilas.Host.InvestmentPlans;

/// <summary>
/// A district's investment plan from its stored inputs. Parameters, most specific first: a what-if given with the request,
/// the district's chosen ones, then workflows/rules/investment-plan.json.
/// </summary>
public sealed class InvestmentPlanner(PropilasDb db, CalculationDefaults defaults)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public InvestmentPlanParameters Defaults => defaults.InvestmentPlan;

    public Task<DistrictInvestmentInputs?> FindAsync(int districtId, CancellationToken ct) =>
        db.Set<DistrictInvestmentInputs>().AsNoTracking().FirstOrDefaultAsync(i => i.DistrictId == districtId, ct);

    public InvestmentPlanParameters ParametersOf(DistrictInvestmentInputs inputs, InvestmentPlanParametersRequest? whatIf = null) =>
        InvestmentPlanMapping.Parameters(whatIf, InvestmentPlanMapping.Parameters(inputs.ParameterOverrides, defaults.InvestmentPlan));

    public static InvestmentPlanInput InputOf(District district, DistrictInvestmentInputs i) =>
        new(district.Name, i.TotalBudget.Plain(), i.InvestmentBudget.Plain(), i.Population, i.CoveragePct.Plain(), i.RehabilitationPopulation);

    /// <exception cref="CalculationInputException">The parameters are out of range (validate what-ifs first).</exception>
    public static InvestmentPlanResult Plan(District district, DistrictInvestmentInputs inputs, InvestmentPlanParameters parameters) =>
        InvestmentPlanCalculator.Calculate(InputOf(district, inputs), parameters);
}
