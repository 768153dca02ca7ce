using Microsoft.AspNetCore.Http.HttpResults;
using Propilas.Host.Common;
using Propilas.Rules.Calculations;

namespace Propilas.Host.Calculations;

/// <summary>The planners' calculators: the investment plan, a connection's tariff, a water board's loan.</summary>
public static class CalculationEndpoints
{
    public static void MapCalculations(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/calculations").RequireAuthorization().WithTags("Calculations");
        group.MapPost("/investment-plan", InvestmentPlan).WithSummary("The 16-column W&S investment plan for one or more districts.");
        group.MapPost("/tariff", Tariff).WithSummary("Fixture units and monthly charge of a connection.");
        group.MapPost("/loan", Loan).WithSummary("Equal monthly installments of a water board's loan.");
    }

    public sealed record InvestmentPlanAnswer(InvestmentPlanParameters Parameters, List<InvestmentPlanResult> Districts);

    public sealed record TariffAnswer(string Use, int Units, decimal ResidentialCharge, decimal MonthlyCharge, string Currency);

    private static Results<Ok<InvestmentPlanAnswer>, ValidationProblem> InvestmentPlan(InvestmentPlanRequest request, CalculationDefaults defaults)
    {
        if (request.OutOfBounds() is { Count: > 0 } tooMuch) return Problems.Invalid(tooMuch, "The investment plan could not be computed.");
        var errors = new Dictionary<string, string[]>();
        var parameters = InvestmentPlanMapping.Parameters(request.Parameters, defaults.InvestmentPlan);
        InvestmentPlanMapping.Collect(errors, "parameters.", parameters.Validate());
        var districts = request.Districts ?? [];
        if (districts.Count == 0) errors["districts"] = ["at least one district is required"];
        var inputs = new List<InvestmentPlanInput?>();
        for (var i = 0; i < districts.Count; i++)
        {
            var input = InvestmentPlanMapping.Input(districts[i], out var missing);
            InvestmentPlanMapping.Collect(errors, $"districts[{i}].", input?.Validate() ?? missing);
            inputs.Add(input);
        }
        if (errors.Count > 0) return Problems.Invalid(errors, "The investment plan could not be computed.");
        return TypedResults.Ok(new InvestmentPlanAnswer(parameters, inputs.Select(input => InvestmentPlanCalculator.Calculate(input!, parameters)).ToList()));
    }

    private static Results<Ok<TariffAnswer>, ValidationProblem> Tariff(TariffRequest request, CalculationDefaults defaults)
    {
        if (request.OutOfBounds() is { Count: > 0 } tooMuch) return Problems.Invalid(tooMuch, "The tariff could not be computed.");
        WaterUse? use = request.Use switch { "residential" => WaterUse.Residential, "commercial" => WaterUse.Commercial, _ => null };
        if (use is null)
            return Problems.Invalid(new Dictionary<string, string[]> { ["use"] = ["must be 'residential' or 'commercial'"] }, "The tariff could not be computed.");
        try
        {
            var result = new TariffCalculator(defaults.Tariff).Calculate(use.Value, request.Fixtures ?? []);
            return TypedResults.Ok(new TariffAnswer(request.Use!, result.TotalUnits, result.ResidentialCharge, result.MonthlyCharge, "PYG"));
        }
        catch (CalculationInputException e)
        {
            return Invalid(e, "The tariff could not be computed.");
        }
    }

    private static Results<Ok<LoanSchedule>, ValidationProblem> Loan(LoanRequestBody request, CalculationDefaults defaults)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.SystemCost is null) errors["systemCost"] = ["is required"];
        if (request.DownPayment is null) errors["downPayment"] = ["is required"];
        if (request.Years is null) errors["years"] = ["is required"];
        if (errors.Count > 0) return Problems.Invalid(errors, "The loan could not be computed.");
        var policy = defaults.WaterBoardFinance;
        var loan = policy.LoanRequest(request.SystemCost!.Value, request.DownPayment!.Value, request.Years!.Value) with
        {
            AnnualRate = request.AnnualRate ?? policy.AnnualRate,
        };
        try
        {
            return TypedResults.Ok(LoanCalculator.Calculate(loan));
        }
        catch (CalculationInputException e)
        {
            return Invalid(e, "The loan could not be computed.");
        }
    }

    private static ValidationProblem Invalid(CalculationInputException e, string detail) => Problems.Invalid(InvestmentPlanMapping.ByField(e.Errors), detail);
}
