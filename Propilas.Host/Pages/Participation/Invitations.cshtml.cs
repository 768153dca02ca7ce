using Propilas.Host.Common;
using Microsoft.AspNetCore.Mvc;
using Propilas.Host.Invitations;
using Propilas.Host.Participation;

namespace Propilas.Host.Pages.Participation;

/// <summary>The alderman's invitations: who is invited, their answer and attendance, and which required sectors are still missing.</summary>
public sealed class InvitationsModel(InvitationBook book, ParticipationContext context) : ParticipationPage(context)
{
    public IReadOnlyList<InvitationView> Invitations { get; private set; } = [];
    public IReadOnlyList<Enum> Missing { get; private set; } = [];

    [BindProperty] public string? Organisation { get; set; }
    [BindProperty] public string? Sector { get; set; }
    [BindProperty] public string? Kind { get; set; }
    [BindProperty] public string? Contact { get; set; }
    [BindProperty] public string? Event { get; set; }
    [BindProperty] public string? InvitedOn { get; set; }
    [BindProperty] public string? InvitedBy { get; set; }

    /// <summary>What was typed in a rejected answer form.</summary>
    public string? TypedAnswer { get; private set; }
    public string? TypedAnsweredOn { get; private set; }

    protected override string PageName => "invitations";

    protected override async Task LoadRecordsAsync(CancellationToken ct)
    {
        Invitations = (await book.ListAsync(User, Slug, ct)).Value ?? [];
        Missing = (await book.MissingAsync(User, Slug, ct)).Value ?? [];
    }

    public async Task<IActionResult> OnPostAddAsync(string slug, CancellationToken ct)
    {
        var result = await book.AddAsync(User, slug, new NewInvitation(Organisation, Sector, Kind, Contact, Event, InvitedOn, InvitedBy), ct);
        return result.Failure is { } f ? await RejectedAsync(slug, "add", f, ct) : Done(slug, $"invitation-{result.Value!.Id}");
    }

    public async Task<IActionResult> OnPostAnswerAsync(string slug, int id, string? answer, string? answeredOn, int? version, CancellationToken ct)
    {
        var result = await book.AnswerAsync(User, slug, id, new InvitationAnswerRequest(answer, answeredOn, version), ct);
        if (result.Failure is null) return Done(slug, $"invitation-{id}");
        (TypedAnswer, TypedAnsweredOn) = (answer, answeredOn);
        return await RejectedAsync(slug, $"answer-{id}", result.Failure, ct);
    }

    /// <summary>
    /// One row of the table's single form (its button posts the row's id): the answer, when it changed or is dated, then the
    /// attendance, when it changed. One form for the whole table keeps the page light with hundreds of invitations.
    /// </summary>
    public async Task<IActionResult> OnPostRecordAsync(string slug, int id, CancellationToken ct)
    {
        string? Posted(string name) => Request.Form[$"{name}-{id}"].FirstOrDefault() is { Length: > 0 } v ? v : null;
        var (answer, answeredOn, attended) = (Posted("answer"), Posted("answeredOn"), Posted("attended"));
        var version = int.TryParse(Posted("version"), out var v) ? v : (int?)null;
        var stored = (await book.ListAsync(User, slug, ct)).Value?.FirstOrDefault(i => i.Id == id);
        if (stored is null || answer != stored.Answer || answeredOn is not null)
        {
            var answered = await book.AnswerAsync(User, slug, id, new InvitationAnswerRequest(answer, answeredOn, version), ct);
            if (answered.Failure is { } f)
            {
                (TypedAnswer, TypedAnsweredOn) = (answer, answeredOn);
                return await RejectedAsync(slug, $"answer-{id}", f, ct);
            }
            version = answered.Value!.Version;
        }
        if (attended is "true" or "false" && stored!.Attended != (attended == "true"))
        {
            var result = await book.AttendanceAsync(User, slug, id, new AttendanceRequest(attended == "true", version), ct);
            if (result.Failure is { } f) return await RejectedAsync(slug, $"attendance-{id}", f, ct);
        }
        return Done(slug, $"invitation-{id}");
    }

    protected override string FieldId(string form, string field) => form switch
    {
        "add" => field == "communityOrganisationKind" ? "kind" : Kebab(field),
        _ => Kebab(field) + form[form.LastIndexOf('-')..], // answer-12: answer-12, answered-on-12
    };

    public async Task<IActionResult> OnPostAttendanceAsync(string slug, int id, bool? attended, int? version, CancellationToken ct)
    {
        var result = await book.AttendanceAsync(User, slug, id, new AttendanceRequest(attended, version), ct);
        return result.Failure is { } f ? await RejectedAsync(slug, $"attendance-{id}", f, ct) : Done(slug, $"invitation-{id}");
    }
}
