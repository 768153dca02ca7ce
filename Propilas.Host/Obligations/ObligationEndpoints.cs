using Propilas.Host.Accounts;
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
        group.MapPost("/{id:int}/fulfil", Fulfil).WithSummary("Records an obligation as fulfilled, with its evidence.");
    }

    private static async Task<IResult> List(string slug, string? stakeholder, string? phase, string? status, HttpContext http,
        ObligationQueries queries, CancellationToken ct)
    {
        var district = http.District();
        var (filter, errors) = ObligationFilter.Parse(stakeholder, phase, status);
        if (filter is null) return Problems.Invalid(errors, "Unknown filter.");
        return TypedResults.Ok(await queries.ListAsync(district, filter, ct));
    }

    private static async Task<IResult> Fulfil(string slug, int id, FulfilRequest request, HttpContext http, ObligationCommands commands,
        ObligationQueries queries, CancellationToken ct)
    {
        var district = http.District();
        var outcome = await commands.FulfilAsync(district, id, http.User, request, ct);
        return outcome.Succeeded ? TypedResults.Ok(await queries.GetAsync(district, id, ct)) : outcome.ToResult(_ => TypedResults.Ok());
    }
}
