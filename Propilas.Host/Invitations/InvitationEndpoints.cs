using Propilas.Host.Districts;
using Propilas.Host.Participation;
using Propilas.Host.Common;

namespace Propilas.Host.Invitations;

public static class InvitationEndpoints
{
    public static void MapInvitations(this IEndpointRouteBuilder app)
    {
        var group = app.MapDistrictGroup("/invitations", "invitations").WithTags("Invitations");
        group.MapGet("", async (string slug, HttpContext http, InvitationBook book, CancellationToken ct) =>
                (await book.ListAsync(http.User, slug, ct)).ToOk())
            .WithSummary("Who was invited to which event, their answer and attendance.");
        group.MapGet("/missing-sectors", async (string slug, HttpContext http, InvitationBook book, CancellationToken ct) =>
                (await book.MissingAsync(http.User, slug, ct)).ToOk(missing => missing.Select(Words.Of).ToList()))
            .WithSummary("Which of health, education, local authorities and a water board are not invited yet (the preparatory gate needs them).");
        group.MapPost("", async (string slug, NewInvitation request, HttpContext http, InvitationBook book, CancellationToken ct) =>
                (await book.AddAsync(http.User, slug, request, ct)).ToCreated(v => $"/api/districts/{slug}/invitations/{v.Id}"))
            .WithSummary("Records an invitation (alderman or coordinator).");
        group.MapPost("/{id:int}/answer", async (string slug, int id, InvitationAnswerRequest request, HttpContext http, InvitationBook book,
                CancellationToken ct) => (await book.AnswerAsync(http.User, slug, id, request, ct)).ToOk())
            .WithSummary("Records the answer: accepted or declined (pending undoes it).");
        group.MapPost("/{id:int}/attendance", async (string slug, int id, AttendanceRequest request, HttpContext http, InvitationBook book,
                CancellationToken ct) => (await book.AttendanceAsync(http.User, slug, id, request, ct)).ToOk())
            .WithSummary("Records whether the invited organisation attended the event.");
    }
}
