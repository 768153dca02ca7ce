using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Propilas.Host.Pages.Localization;
using Propilas.Host.Participation;

namespace Propilas.Host.Pages.Participation;

/// <summary>
/// What the alderman's pages share: the district and whether the person may write; the form that was rejected, with its
/// errors by field (the API's field names) so the page shows them next to the field and keeps what was typed; the stale notice.
/// </summary>
public abstract class ParticipationPage(ParticipationContext context) : PageModel
{
    public string Slug { get; private set; } = "";
    public string DistrictName { get; private set; } = "";
    public bool CanWrite { get; private set; }

    /// <summary>The form that was rejected (e.g. <c>add</c>, <c>answer-12</c>), or null.</summary>
    public string? FailedForm { get; private set; }
    public Dictionary<string, string[]> Errors { get; } = [];
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
        if (district.Failure is { } f) return f.Kind == FailureKind.NotFound ? NotFound() : Forbid();
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
            case FailureKind.NotFound when failure.Errors is null:
                Message = failure.Detail;
                Response.StatusCode = 404;
                break;
            case FailureKind.Forbidden:
                return Forbid();
            case FailureKind.Invalid:
                foreach (var (field, messages) in failure.Errors!) Errors[field] = messages;
                Response.StatusCode = 400;
                break;
            default:
                Stale = failure.IsStale;
                Message = failure.IsStale ? null : failure.Detail;
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

    public string[]? ErrorsOf(string form, string field) => Failed(form) ? Errors.GetValueOrDefault(field) : null;

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
        _ when message.StartsWith("applies only to the community-organisation", StringComparison.Ordinal) => "err.kind-only",
        _ when message.StartsWith("must be a number", StringComparison.Ordinal) => "err.number",
        _ when message.StartsWith("is not a strategic goal", StringComparison.Ordinal) => "err.goal",
        _ when message.StartsWith("must be true: only the municipality", StringComparison.Ordinal) => "err.years-municipal",
        _ when message.StartsWith("must not be before firstYear", StringComparison.Ordinal) => "err.year-order",
        _ when message.StartsWith("must be ", StringComparison.Ordinal) => "err.choice",
        _ when message.StartsWith("is required when a target", StringComparison.Ordinal) => "err.target",
        _ => "err.other",
    };

    public static string Date(DateOnly? date) => date?.ToString("d", CultureInfo.CurrentCulture) ?? "";

    public static string Money(decimal? amount) => amount?.ToString("C0", CultureInfo.CurrentCulture) ?? "";

    public static string Number(decimal? value) => value?.ToString("#,0.##", CultureInfo.CurrentCulture) ?? "";

    /// <summary>A number as typed (see <see cref="TypedNumbers"/>). Null when empty; adds an error when unreadable.</summary>
    protected static decimal? ReadDecimal(string? raw, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        if (TypedNumbers.TryDecimal(raw, out var value)) return value;
        errors[field] = ["must be a number"];
        return null;
    }

    protected static int? ReadInt(string? raw, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        if (TypedNumbers.TryInt(raw, out var value)) return value;
        errors[field] = ["must be a number"];
        return null;
    }
}
