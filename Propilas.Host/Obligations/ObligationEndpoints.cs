using Microsoft.AspNetCore.Http.HttpResults;
using Propilas.Host.Common;
using Propilas.Host.Database;
using Propilas.Host.Districts;

namespace Propilas.Host.Obligations;

public static class ObligationEndpoints
{
    public static void MapObligations(this IEndpointRouteBuilder app)
    {
        var group = app.MapDistrictGroup("/obligations", "obligations").WithTags("Obligations");
        group.MapGet("", List).WithSummary("Who owes what: the district's obligations from the stakeholder-role matrix; filter by stakeholder, phase and status (open, overdue, fulfilled).");
        group.MapPost("/{id:int}/fulfil", Fulfil).ProducesProblem(StatusCodes.Status409Conflict).WithSummary("Records an obligation as fulfilled, with its evidence.");
    }

    private static async Task<Results<Ok<IReadOnlyList<ObligationView>>, ValidationProblem>> List(string slug, string? stakeholder, string? phase,
        string? status, HttpContext http, ObligationQueries queries, CancellationToken ct)
    {
        var (filter, errors) = ObligationFilter.Parse(stakeholder, phase, status);
        if (filter is null) return Problems.Invalid(errors, "Unknown filter.");
        return TypedResults.Ok(await queries.ListAsync(http.District(), filter, ct));
    }

    private static async Task<Results<Ok<ObligationView>, ProblemHttpResult, ValidationProblem>> Fulfil(string slug, int id, FulfilRequest request,
        HttpContext http, ObligationCommands commands, ObligationQueries queries, CancellationToken ct)
    {
        var district = http.District();
        var outcome = await commands.FulfilAsync(district, id, http.User, request, ct);
        if (outcome.Failure is { } failure) return failure.Answer<Ok<ObligationView>>();
        return TypedResults.Ok((await queries.GetAsync(district, id, ct))!);
    }
}
