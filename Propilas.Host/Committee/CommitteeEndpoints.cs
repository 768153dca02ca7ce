using Propilas.Host.Districts;
namespace Propilas.Host.Committee;

public static class CommitteeEndpoints
{
    public static void MapCommittee(this IEndpointRouteBuilder app)
    {
        var group = app.MapDistrictGroup("/committee", "support committee").WithTags("Support committee");
        group.MapGet("", async (string slug, HttpContext http, CommitteeRoster roster, CancellationToken ct) =>
                (await roster.ListAsync(http.User, slug, ct)).ToOk())
            .WithSummary("The members of the district's W&S support committee.");
        group.MapPost("", async (string slug, NewCommitteeMember request, HttpContext http, CommitteeRoster roster, CancellationToken ct) =>
                (await roster.AddAsync(http.User, slug, request, ct)).ToCreated(v => $"/api/districts/{slug}/committee/{v.Id}"))
            .WithSummary("Adds a member (alderman or coordinator).");
        group.MapDelete("/{id:int}", async (string slug, int id, int? expectedVersion, HttpContext http, CommitteeRoster roster, CancellationToken ct) =>
                (await roster.RemoveAsync(http.User, slug, id, expectedVersion, ct)).ToOk())
            .WithSummary("Removes a member (alderman or coordinator); expectedVersion in the query.");
    }
}
