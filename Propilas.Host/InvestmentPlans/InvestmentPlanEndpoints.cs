using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Propilas.Host.Accounts;
using Propilas.Host.Alerts;
using Propilas.Host.Calculations;
using Propilas.Host.Common;
using Propilas.Host.Database;
using Propilas.Host.Districts;
using Propilas.Host.Planning;
using Propilas.Rules.Calculations;

namespace Propilas.Host.InvestmentPlans;

public static class InvestmentPlanEndpoints
{
    public static void MapInvestmentPlans(this IEndpointRouteBuilder app)
    {
        var group = app.MapDistrictGroup("/investment-plan", "investment plan").WithTags("Investment plan");
        group.MapGet("", Get).WithSummary("The district's 16-column investment plan from its stored inputs; query parameters override the plan parameters (what-if).");
        group.MapPut("/inputs", PutInputs).ProducesProblem(StatusCodes.Status409Conflict).RequireAuthorization(p => p.RequireRole(Roles.Coordinator, Roles.Mayor))
            .WithSummary("Replaces the district's investment-plan inputs and chosen parameters (coordinator, mayor).");
        group.MapGet("/recorded", Recorded).WithSummary("The plan the district's investment-plan step was completed with.");
        app.MapGet("/api/investment-plans", All).RequireAuthorization(p => p.RequireRole(Roles.Coordinator)).WithTags("Investment plan")
            .WithSummary("The plan of every district with inputs, one row each; query parameters override the plan parameters (coordinator).");
    }

    public sealed record InputsRequest(
        decimal? TotalBudget, decimal? InvestmentBudget, int? Population, decimal? CoveragePct, int? RehabilitationPopulation,
        InvestmentPlanParametersRequest? Parameters, int? ExpectedVersion);

    public sealed record InputsView(
        decimal TotalBudget, decimal InvestmentBudget, int Population, decimal CoveragePct, int RehabilitationPopulation,
        int Version, DateTimeOffset UpdatedAt, string UpdatedBy);

    public sealed record RecordedView(DateTimeOffset RecordedAt, string RecordedBy, long AuditEventId, JsonElement Inputs, JsonElement Parameters, JsonElement Plan);

    /// <param name="ChosenParameters">The district's own choices; null ones come from the rule file.</param>
    public sealed record PlanView(
        DistrictSlug Slug, string District, InputsView Inputs, InvestmentPlanParametersRequest ChosenParameters,
        InvestmentPlanParameters Parameters, InvestmentPlanResult Plan, RecordedView? Recorded);

    private static async Task<Results<Ok<PlanView>, ProblemHttpResult, ValidationProblem>> Get(string slug, [AsParameters] InvestmentPlanParametersRequest whatIf, HttpContext http, PropilasDb db,
        InvestmentPlanner planner, CancellationToken ct)
    {
        var district = await db.RecordOfAsync(http.District(), ct);
        if (await planner.FindAsync(district.Id, ct) is not { } inputs) return NoInputs(slug);
        var parameters = planner.ParametersOf(inputs, whatIf);
        if (Invalid(parameters) is { } invalid) return invalid;
        return TypedResults.Ok(await ViewAsync(db, district, inputs, parameters, ct));
    }

    private static async Task<Results<Ok<List<PlanView>>, ValidationProblem>> All([AsParameters] InvestmentPlanParametersRequest whatIf, PropilasDb db, InvestmentPlanner planner, CancellationToken ct)
    {
        var inputs = await db.Set<DistrictInvestmentInputs>().AsNoTracking().ToListAsync(ct);
        var districts = await db.Districts.AsNoTracking().ToDictionaryAsync(d => d.Id, ct);
        var rows = new List<PlanView>();
        foreach (var i in inputs.OrderBy(i => i.DistrictId))
        {
            var parameters = planner.ParametersOf(i, whatIf);
            if (Invalid(parameters) is { } invalid) return invalid;
            var d = districts[i.DistrictId];
            rows.Add(new PlanView(d.Slug, d.Name, ToView(i), i.ParameterOverrides, parameters, InvestmentPlanner.Plan(d, i, parameters), null));
        }
        return TypedResults.Ok(rows);
    }

    private static async Task<Results<Ok<PlanView>, ProblemHttpResult, ValidationProblem>> PutInputs(string slug, InputsRequest request, HttpContext http, PropilasDb db, InvestmentPlanner planner,
        InvestmentInputsEditor editor, CancellationToken ct)
    {
        var district = await db.RecordOfAsync(http.District(), ct);
        var outcome = await editor.SaveAsync(district, request, http.User.Identity!.Name!, http.User.IsCoordinator() ? Roles.Coordinator : Roles.Mayor, ct);
        if (outcome.Stale) return Stale(slug);
        if (outcome.Saved is not { } inputs) return Problems.Invalid(InvestmentPlanMapping.ByField(outcome.Errors), "The investment-plan inputs were not saved.");
        return TypedResults.Ok(await ViewAsync(db, district, inputs, planner.ParametersOf(inputs), ct));
    }

    private static async Task<Results<Ok<RecordedView>, ProblemHttpResult>> Recorded(string slug, HttpContext http, PropilasDb db, CancellationToken ct)
    {
        var district = await db.RecordOfAsync(http.District(), ct);
        return await LatestRecordedAsync(db, district.Id, ct) is { } recorded
            ? TypedResults.Ok(recorded)
            : Problems.NotFound($"The investment-plan step of district '{slug}' has not been completed with a computed plan.");
    }

    public static async Task<PlanView> ViewAsync(PropilasDb db, District district, DistrictInvestmentInputs inputs, InvestmentPlanParameters parameters,
        CancellationToken ct) =>
        new(district.Slug, district.Name, ToView(inputs), inputs.ParameterOverrides, parameters, InvestmentPlanner.Plan(district, inputs, parameters),
            await LatestRecordedAsync(db, district.Id, ct));

    public static async Task<RecordedView?> LatestRecordedAsync(PropilasDb db, int districtId, CancellationToken ct)
    {
        var r = await db.Set<RecordedInvestmentPlan>().AsNoTracking().Where(p => p.DistrictId == districtId).OrderByDescending(p => p.Id)
            .FirstOrDefaultAsync(ct);
        return r is null ? null : new RecordedView(r.RecordedAt, r.RecordedBy, r.AuditEventId, Parse(r.Inputs), Parse(r.Parameters), Parse(r.Plan));
    }


    private static InputsView ToView(DistrictInvestmentInputs i) =>
        new(i.TotalBudget.Plain(), i.InvestmentBudget.Plain(), i.Population, i.CoveragePct.Plain(), i.RehabilitationPopulation, i.Version, i.UpdatedAt, i.UpdatedBy);


    private static ValidationProblem? Invalid(InvestmentPlanParameters parameters) => parameters.Validate() is { Count: > 0 } errors
        ? Problems.Invalid(InvestmentPlanMapping.ByField(errors), "The investment plan could not be computed with these parameters.")
        : null;

    private static ProblemHttpResult NoInputs(string slug) =>
        Problems.NotFound($"District '{slug}' has no investment-plan inputs yet: PUT /api/districts/{slug}/investment-plan/inputs.");

    private static ProblemHttpResult Stale(string slug) =>
        Problems.Conflict($"The investment-plan inputs of district '{slug}' were changed by someone else since you read them; reload and try again.", "stale");


    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();

}
