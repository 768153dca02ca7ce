using Propilas.Host.Common;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Propilas.Host.Pages.Localization;
using Propilas.Host.Pages.Shared;
using Propilas.Host.Participation;

namespace Propilas.Host.Pages.Participation;

/// <summary>
/// What the alderman's pages share: the district and whether the person may write; the form that was rejected, with its
/// errors by field (the API's field names) so the page shows them next to the field, and in the error summary at the top of
/// the form (each form's id is <c>&lt;form&gt;-form</c>, see <see cref="FormId"/>), and keeps what was typed; the stale notice.
/// </summary>
public abstract class ParticipationPage(ParticipationContext context) : PageModel
{
    public string Slug { get; private set; } = "";
    public string DistrictName { get; private set; } = "";
    public bool CanWrite { get; private set; }

    /// <summary>The form that was rejected (e.g. <c>add</c>, <c>answer-12</c>), or null.</summary>
    public string? FailedForm { get; private set; }
    public Dictionary<string, string[]> Errors { get; } = [];
    /// <summary>Numbers the page could not read, by field: shown with their readings rather than the generic message.</summary>
    private readonly Dictionary<string, NumberProblem> _numberProblems = [];
    public bool Stale { get; private set; }
    public string? Message { get; private set; }

    [TempData] public string? Saved { get; set; }

    protected ParticipationContext Context => context;

    protected abstract string PageName { get; }

    protected abstract Task LoadRecordsAsync(CancellationToken ct);

    public virtual Task<IActionResult> OnGetAsync(string slug, CancellationToken ct) => ShowAsync(slug, ct);

    protected async Task<IActionResult> ShowAsync(string slug, CancellationToken ct)
    {
        var district = await context.OpenAsync(User, slug, write: false, PageName, ct);
        if (district.Failure is { } f) return f.Kind == OutcomeKind.NotFound ? NotFound() : Forbid();
        Slug = district.Value!.Slug.Value;
        DistrictName = district.Value.Name;
        CanWrite = ParticipationContext.MayWrite(User);
        await LoadRecordsAsync(ct);
        return Page();
    }

    /// <summary>After a change: back to the page (so a reload does not post again), at the changed record.</summary>
    protected IActionResult Done(string slug, string anchor)
    {
        Saved = "1";
        return Redirect($"/districts/{slug}/{PageName}#{anchor}");
    }

    /// <summary>The change was refused: the page again, with why, next to the form that was sent.</summary>
    protected async Task<IActionResult> RejectedAsync(string slug, string form, Failure failure, CancellationToken ct)
    {
        switch (failure.Kind)
        {
            case OutcomeKind.NotFound when failure.Errors is null:
                Message = PageTexts["fail.not-found"];
                Response.StatusCode = 404;
                break;
            case OutcomeKind.Forbidden:
                return Forbid();
            case OutcomeKind.Invalid:
                foreach (var (field, messages) in failure.Errors!) Errors[field] = messages;
                Response.StatusCode = 400;
                break;
            default:
                Stale = failure.IsStale;
                Message = failure.IsStale ? null : PageTexts["fail." + (failure.Reason ?? "conflict")].ResourceNotFound ? PageTexts["fail.conflict"] : PageTexts["fail." + failure.Reason];
                Response.StatusCode = 409;
                break;
        }
        FailedForm = form;
        var shown = await ShowAsync(slug, ct);
        return shown is PageResult ? Page() : shown;
    }

    /// <summary>Field errors found by the page itself (a number it cannot read), before asking the records.</summary>
    protected Task<IActionResult> InvalidAsync(string slug, string form, Dictionary<string, string[]> errors, CancellationToken ct) =>
        RejectedAsync(slug, form, Failure.Invalid(errors, "Invalid form."), ct);

    public bool Failed(string form) => FailedForm == form;

    /// <summary>The errors of one field of the rejected form, in the page's language; null when it has none.</summary>
    public string[]? ErrorsOf(string form, string field)
    {
        if (!Failed(form) || Errors.GetValueOrDefault(field) is not { } messages) return null;
        if (_numberProblems.TryGetValue(field, out var problem)) return [TypedNumbers.Explain(problem, SharedTexts)];
        return messages.Select(Localize).ToArray();
    }

    /// <summary>The rejected form's problems for its error summary, each linking to its field.</summary>
    public IReadOnlyList<FieldProblem> ProblemsOf(string form) => !Failed(form) ? [] :
        Errors.Keys.Select(field => new FieldProblem(FieldId(form, field), string.Join(" ", ErrorsOf(form, field)!))).ToList();

    /// <summary>The id of a form's element: the target of its action's fragment, so a rejected post comes back to it.</summary>
    public static string FormId(string form) => form + "-form";

    /// <summary>The id of the input of one of the API's fields (e.g. <c>dueOn</c>) in a form (e.g. <c>add</c>).</summary>
    protected abstract string FieldId(string form, string field);

    /// <summary>"dueOn" as an input id: "due-on".</summary>
    protected static string Kebab(string field) => string.Concat(field.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "-" : "") + char.ToLowerInvariant(c) : c.ToString()));

    private IStringLocalizer<ParticipationTexts> PageTexts => HttpContext.RequestServices.GetRequiredService<IStringLocalizer<ParticipationTexts>>();
    private IStringLocalizer<Texts> SharedTexts => HttpContext.RequestServices.GetRequiredService<IStringLocalizer<Texts>>();

    private string Localize(string message)
    {
        // "must be between 2021-01-01 and 2046-12-31": the window, its dates as the page writes them.
        if (message.StartsWith("must be between ", StringComparison.Ordinal) && message.Split(' ') is [_, _, _, var from, _, var to]
            && Dates.TryReadInput(from, out var f) && Dates.TryReadInput(to, out var t))
            return string.Format(CultureInfo.CurrentCulture, PageTexts["err.between"], Dates.Show(f), Dates.Show(t));
        return PageTexts[ErrorKey(message)];
    }

    /// <summary>The API's English message as a key of the page texts: <c>err.required</c>, <c>err.date</c>...</summary>
    public static string ErrorKey(string message) => message switch
    {
        _ when message.StartsWith("is required", StringComparison.Ordinal) => "err.required",
        _ when message.StartsWith("must be a date", StringComparison.Ordinal) => "err.date",
        _ when message.StartsWith("must not be in the future", StringComparison.Ordinal) => "err.future",
        _ when message.StartsWith("must not be before", StringComparison.Ordinal) => "err.before",
        _ when message.StartsWith("must be greater than 0", StringComparison.Ordinal) => "err.positive",
        _ when message.StartsWith("must not be negative", StringComparison.Ordinal) => "err.negative",
        _ when message.StartsWith("must be a year", StringComparison.Ordinal) => "err.year",
        _ when message.StartsWith("must be at most", StringComparison.Ordinal) => "err.long",
        _ when message.StartsWith("must not contain control characters", StringComparison.Ordinal) => "err.control",
        _ when message.StartsWith("must not exceed", StringComparison.Ordinal) => "err.too-big",
        _ when message.StartsWith("applies only to the community-organisation", StringComparison.Ordinal) => "err.kind-only",
        _ when message.StartsWith("must be a number", StringComparison.Ordinal) => "err.number",
        _ when message.StartsWith("is not a strategic goal", StringComparison.Ordinal) => "err.goal",
        _ when message.StartsWith("must be true: only the municipality", StringComparison.Ordinal) => "err.years-municipal",
        _ when message.StartsWith("must not be before firstYear", StringComparison.Ordinal) => "err.year-order",
        _ when message.StartsWith("must be ", StringComparison.Ordinal) => "err.choice",
        _ when message.StartsWith("is required when a target", StringComparison.Ordinal) => "err.target",
        _ => "err.other",
    };

    public static string Date(DateOnly? date) => Dates.Show(date);

    public static string Money(decimal? amount) => amount?.ToString("C0", CultureInfo.CurrentCulture) ?? "";

    public static string Number(decimal? value) => value?.ToString("#,0.##", CultureInfo.CurrentCulture) ?? "";

    /// <summary>A number as typed (see <see cref="TypedNumbers"/>). Null when empty; adds an error, with its readings, when refused.</summary>
    protected decimal? ReadDecimal(string? raw, string field, Dictionary<string, string[]> errors) => Keep(TypedNumbers.Read(raw), field, errors);

    protected int? ReadInt(string? raw, string field, Dictionary<string, string[]> errors) => (int?)Keep(TypedNumbers.ReadWhole(raw), field, errors);

    private decimal? Keep(NumberReading reading, string field, Dictionary<string, string[]> errors)
    {
        if (reading.Problem is not { } problem) return reading.Value;
        errors[field] = ["must be a number"];
        _numberProblems[field] = problem;
        return null;
    }
}
