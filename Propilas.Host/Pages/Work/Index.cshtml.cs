using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Propilas.Host.Accounts;
using Propilas.Host.Database;
using Propilas.Host.Districts;

namespace Propilas.Host.Pages.Work;

/// <summary>A person's landing: what they must do in their district, soonest due first. The coordinator's is the portfolio.</summary>
public sealed class WorkModel(PropilasDb db, WorkList work) : PageModel
{
    public DistrictRef District { get; private set; } = null!;
    public IReadOnlyList<WorkItem> Items { get; private set; } = [];

    /// <summary>How many items the list shows at first; <c>?all=true</c> shows them all.</summary>
    public const int FirstShown = 20;

    public IReadOnlyList<WorkItem> Shown => All ? Items : Items.Take(FirstShown).ToList();

    [BindProperty(SupportsGet = true)] public bool All { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (User.IsCoordinator()) return Redirect("/portfolio");
        if (User.HomeDistrict() is not { } home || await db.FindDistrictAsync(home.Value, ct) is not { } district) return StatusCode(403);
        District = district;
        Items = await work.ForAsync(User, district, ct);
        return Page();
    }
}
