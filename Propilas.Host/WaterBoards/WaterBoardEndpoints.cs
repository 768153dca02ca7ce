using Microsoft.AspNetCore.Http.HttpResults;
using Propilas.Host.Common;
using Propilas.Host.Database;
using Propilas.Host.Districts;

namespace Propilas.Host.WaterBoards;

public static class WaterBoardEndpoints
{
    public static void MapWaterBoards(this IEndpointRouteBuilder app)
    {
        var group = app.MapDistrictGroup("/water-boards", "water boards").WithTags("Water boards");
        group.MapGet("", List).WithSummary("The district's water boards with today's follow-up figures and open alerts, and how many have an O&M plan and chlorinate.");
        group.MapPost("", Add).WithSummary("Adds a water board (technical area, alderman or coordinator).");
        group.MapGet("/{id:int}", Get).WithSummary("One water board with its visits, last first.");
        group.MapPatch("/{id:int}", Update).ProducesProblem(StatusCodes.Status409Conflict).WithSummary("Changes the given facts of a board; fields left out keep their value. expectedVersion guards against overwriting.");
        group.MapPost("/{id:int}/visits", RecordVisit).ProducesProblem(StatusCodes.Status409Conflict).WithSummary("Records a follow-up visit with its findings and, optionally, the facts it observed.");
    }

    private static async Task<Ok<WaterBoardList>> List(string slug, HttpContext http, WaterBoardQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.ListAsync(http.District(), ct));

    private static async Task<Results<Ok<WaterBoardDetail>, ProblemHttpResult>> Get(string slug, int id, HttpContext http, WaterBoardQueries queries,
        CancellationToken ct) =>
        await queries.GetAsync(http.District(), id, ct) is { } detail ? TypedResults.Ok(detail) : Problems.NotFound($"No water board {id} in district '{slug}'.");

    private static async Task<Results<Created<WaterBoardDetail>, ProblemHttpResult, ValidationProblem>> Add(string slug, WaterBoardChanges request,
        HttpContext http, WaterBoardCommands commands, WaterBoardQueries queries, CancellationToken ct)
    {
        var district = http.District();
        var outcome = await commands.AddAsync(district, http.User, request, ct);
        if (outcome.Failure is { } failure) return failure.Answer<Created<WaterBoardDetail>>();
        return TypedResults.Created($"/api/districts/{slug}/water-boards/{outcome.Value}", await queries.GetAsync(district, outcome.Value, ct));
    }

    private static async Task<Results<Ok<WaterBoardDetail>, ProblemHttpResult, ValidationProblem>> Update(string slug, int id, WaterBoardUpdate request,
        HttpContext http, WaterBoardCommands commands, WaterBoardQueries queries, CancellationToken ct)
    {
        var district = http.District();
        var outcome = await commands.UpdateAsync(district, id, http.User, request, request.ExpectedVersion, ct);
        if (outcome.Failure is { } failure) return failure.Answer<Ok<WaterBoardDetail>>();
        return TypedResults.Ok(await queries.GetAsync(district, id, ct));
    }

    private static async Task<Results<Created<WaterBoardDetail>, ProblemHttpResult, ValidationProblem>> RecordVisit(string slug, int id, NewVisit request,
        HttpContext http, WaterBoardCommands commands, WaterBoardQueries queries, CancellationToken ct)
    {
        var district = http.District();
        var outcome = await commands.RecordVisitAsync(district, id, http.User, request, ct);
        if (outcome.Failure is { } failure) return failure.Answer<Created<WaterBoardDetail>>();
        return TypedResults.Created($"/api/districts/{slug}/water-boards/{id}", await queries.GetAsync(district, id, ct));
    }
}
