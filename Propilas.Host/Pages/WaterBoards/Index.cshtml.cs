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

/// <summary>A district's water boards at a glance, with their open alerts, and the form to add one.</summary>
public sealed class WaterBoardListModel(PropilasDb db, WaterBoardQueries queries, WaterBoardCommands commands, IStringLocalizer<Texts> texts) : PageModel
{
    public const string Prefix = "f.";

    public DistrictRef District { get; private set; } = null!;
    public WaterBoardList List { get; private set; } = null!;
    public WaterBoardForm Form { get; private set; } = WaterBoardForm.Empty();
    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();
    public bool AddFailed { get; private set; }
    public FactFields AddFields => new(Form, Prefix, Errors, "", WithNames: true);
    public bool CanEdit => User.CanEditWaterBoards(District.Slug);

    [TempData] public string? Saved { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (await db.FindDistrictAsync(slug, ct) is not { } district) return NotFound();
        if (!User.CanAccess(district.Slug)) return Forbid();
        return await ShowAsync(district, ct);
    }

    public async Task<IActionResult> OnPostAddAsync(string slug, CancellationToken ct)
    {
        if (await db.FindDistrictAsync(slug, ct) is not { } district) return NotFound();
        if (!User.CanAccess(district.Slug)) return Forbid();
        Form = WaterBoardForm.Read(Request.Form, Prefix);
        var (changes, errors) = Form.ToChanges(p => TypedNumbers.Explain(p, texts));
        if (errors.Count == 0)
        {
            var outcome = await commands.AddAsync(district, User, changes, ct);
            if (outcome.Succeeded)
            {
                Saved = "1";
                return Redirect($"/districts/{district.Slug}/water-boards/{outcome.Value}");
            }
            if (outcome.Kind == OutcomeKind.Forbidden) return Forbid();
            errors = outcome.Errors!.ToDictionary();
        }
        AddFailed = true;
        Errors = errors;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return await ShowAsync(district, ct);
    }

    private async Task<IActionResult> ShowAsync(DistrictRef district, CancellationToken ct)
    {
        District = district;
        List = await queries.ListAsync(district, ct);
        return Page();
    }
}
