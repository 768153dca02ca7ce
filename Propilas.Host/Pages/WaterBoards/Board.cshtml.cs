using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Propilas.Host.Pages.Localization;
using Propilas.Host.Accounts;
using Propilas.Host.Common;
using Propilas.Host.Database;
using Propilas.Host.Districts;
using Propilas.Host.WaterBoards;

namespace Propilas.Host.Pages.WaterBoards;

/// <summary>One water board: its facts and alerts, its visits, and the forms to record a visit and to update the facts.</summary>
public sealed class WaterBoardModel(PropilasDb db, WaterBoardQueries queries, WaterBoardCommands commands, TimeProvider time, IStringLocalizer<Texts> texts) : PageModel
{
    public const string UpdatePrefix = "f.";
    public const string ObservedPrefix = "o.";

    public DistrictRef District { get; private set; } = null!;
    public WaterBoardDetail Detail { get; private set; } = null!;
    public WaterBoardView Board => Detail.Board;
    public bool CanEdit => User.CanEditWaterBoards(District.Slug);

    /// <summary>"visit" or "update": the form that was rejected, shown open with what was typed and its errors.</summary>
    public string? Failed { get; private set; }
    public bool Stale { get; private set; }
    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();
    public WaterBoardForm UpdateForm { get; private set; } = null!;
    public WaterBoardForm ObservedForm { get; private set; } = null!;
    public Dictionary<string, string> Visit { get; } = [];
    public FactFields UpdateFields => new(UpdateForm, UpdatePrefix, Failed == "update" ? Errors : NoErrors, "", WithNames: true);
    public FactFields ObservedFields => new(ObservedForm, ObservedPrefix, Failed == "visit" ? Errors : NoErrors, "observed.", WithNames: false);
    private static readonly Dictionary<string, string[]> NoErrors = [];
    public string Today => Dates.ForInput(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));

    [TempData] public string? Saved { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug, int id, CancellationToken ct)
    {
        if (await db.FindDistrictAsync(slug, ct) is not { } district) return NotFound();
        if (!User.CanAccess(district.Slug)) return Forbid();
        return await ShowAsync(district, id, ct);
    }

    public async Task<IActionResult> OnPostUpdateAsync(string slug, int id, int version, CancellationToken ct)
    {
        if (await db.FindDistrictAsync(slug, ct) is not { } district) return NotFound();
        if (!User.CanAccess(district.Slug)) return Forbid();
        var typed = WaterBoardForm.Read(Request.Form, UpdatePrefix);
        var (changes, errors) = typed.ToChanges(p => TypedNumbers.Explain(p, texts));
        var outcome = errors.Count == 0 ? await commands.UpdateAsync(district, id, User, changes, version, ct) : null;
        if (outcome?.Succeeded == true) return Done(district, id, "facts");
        return await RejectedAsync(district, id, "update", outcome?.Kind, outcome?.IsStale == true, outcome?.Errors ?? errors, () => UpdateForm = typed, ct);
    }

    public async Task<IActionResult> OnPostVisitAsync(string slug, int id, int version, string? visitedOn, string? visitedBy, string? findings,
        CancellationToken ct)
    {
        if (await db.FindDistrictAsync(slug, ct) is not { } district) return NotFound();
        if (!User.CanAccess(district.Slug)) return Forbid();
        var typed = WaterBoardForm.Read(Request.Form, ObservedPrefix);
        var (observed, errors) = typed.ToChanges(p => TypedNumbers.Explain(p, texts), errorPrefix: "observed.");
        DateOnly? on = null;
        if (!string.IsNullOrWhiteSpace(visitedOn))
        {
            if (Dates.TryReadInput(visitedOn, out var d)) on = d;
            else errors["visitedOn"] = ["must be a date"];
        }
        var outcome = errors.Count == 0 ? await commands.RecordVisitAsync(district, id, User, new NewVisit(on, visitedBy, findings, observed, version), ct) : null;
        if (outcome?.Succeeded == true) return Done(district, id, "visits");
        Visit["visitedOn"] = visitedOn ?? "";
        Visit["visitedBy"] = visitedBy ?? "";
        Visit["findings"] = findings ?? "";
        return await RejectedAsync(district, id, "visit", outcome?.Kind, outcome?.IsStale == true, outcome?.Errors ?? errors, () => ObservedForm = typed, ct);
    }

    private IActionResult Done(DistrictRef district, int id, string anchor)
    {
        Saved = "1";
        return Redirect($"/districts/{district.Slug}/water-boards/{id}#{anchor}");
    }

    /// <param name="kind">The command's outcome; null when the form could not be read, so the command never ran.</param>
    private async Task<IActionResult> RejectedAsync(DistrictRef district, int id, string form, OutcomeKind? kind, bool stale,
        IReadOnlyDictionary<string, string[]> errors, Action keepTyped, CancellationToken ct)
    {
        if (kind == OutcomeKind.NotFound) return NotFound();
        if (kind == OutcomeKind.Forbidden) return Forbid();
        var page = await ShowAsync(district, id, ct);
        if (page is not PageResult) return page;
        Failed = form;
        Stale = stale;
        Errors = errors;
        keepTyped();
        Response.StatusCode = Stale ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return page;
    }

    private async Task<IActionResult> ShowAsync(DistrictRef district, int id, CancellationToken ct)
    {
        District = district;
        if (await queries.GetAsync(district, id, ct) is not { } detail) return NotFound();
        Detail = detail;
        UpdateForm = WaterBoardForm.From(detail.Board);
        ObservedForm = WaterBoardForm.From(detail.Board);
        return Page();
    }
}
