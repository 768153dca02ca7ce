using Propilas.Host.Districts;
namespace Propilas.Host.Commitments;

public static class CommitmentEndpoints
{
    public static void MapCommitments(this IEndpointRouteBuilder app)
    {
        var group = app.MapDistrictGroup("", "commitments").WithTags("Commitments");
        group.MapGet("/commitments", async (string slug, HttpContext http, CommitmentBook book, CancellationToken ct) =>
                (await book.ListAsync(http.User, slug, ct)).ToOk())
            .WithSummary("What each party committed to, by when, and whether it was fulfilled.");
        group.MapPost("/commitments", async (string slug, NewCommitment request, HttpContext http, CommitmentBook book, CancellationToken ct) =>
                (await book.AddAsync(http.User, slug, request, ct)).ToCreated(v => $"/api/districts/{slug}/commitments/{v.Id}"))
            .WithSummary("Records a commitment (alderman or coordinator).");
        group.MapPost("/commitments/{id:int}/fulfil", async (string slug, int id, FulfilRequest request, HttpContext http, CommitmentBook book,
                CancellationToken ct) => (await book.FulfilAsync(http.User, slug, id, request, ct)).ToOk())
            .WithSummary("Marks a pending commitment fulfilled, with its evidence.");
        group.MapPost("/commitments/{id:int}/cancel", async (string slug, int id, CancelRequest request, HttpContext http, CommitmentBook book,
                CancellationToken ct) => (await book.CancelAsync(http.User, slug, id, request, ct)).ToOk())
            .WithSummary("Cancels a pending commitment, with the reason.");
        group.MapGet("/investment-budget", async (string slug, HttpContext http, CommitmentBook book, CancellationToken ct) =>
                (await book.ShareAsync(http.User, slug, ct)).ToOk())
            .WithSummary("The investment plan inputs and, per plan year, the budget and the municipality's commitment.");
        group.MapPut("/investment-budget", async (string slug, InvestmentBudgetRequest request, HttpContext http, CommitmentBook book,
                CancellationToken ct) => (await book.SetBudgetAsync(http.User, slug, request, ct)).ToOk())
            .WithSummary("Records the district's investment plan inputs (alderman or coordinator).");
    }
}
