using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Propilas.Host.Accounts;
using Propilas.Host.Database;
using Propilas.Host.Districts;
using Propilas.Rules.Facts;

namespace Propilas.Host.Pages.Portfolio;

/// <summary>
/// The coordinator creates a district's accounts (the same <see cref="DistrictAccounts"/> as
/// <c>POST /api/districts/{slug}/accounts</c>) and sees the accounts each district has, each linking to its own page
/// (<see cref="AccountModel"/>) to disable, enable or reset its password.
/// </summary>
public sealed class AccountsModel(PropilasDb db, DistrictAccounts accounts) : PageModel
{
    public static readonly string[] Fields = ["district", "role", "userName", "fullName", "position", "email", "phone", "language", "password"];

    [BindProperty(SupportsGet = true)] public string? District { get; set; }
    [BindProperty] public string? Role { get; set; }
    [BindProperty] public string? UserName { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public string? FullName { get; set; }
    [BindProperty] public string? Position { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public string? Language { get; set; } = "es";
    [TempData] public string? Created { get; set; }

    public IReadOnlyList<District> Districts { get; private set; } = [];
    public Dictionary<string, LocalizedText[]> Errors { get; private set; } = [];

    /// <summary>The accounts of the chosen district, each with its person and whether it is disabled.</summary>
    public IReadOnlyList<DistrictAccount> Existing { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrEmpty(District))
            Errors["district"] = [new("Elija el distrito.", "Choose the district.")];
        else
        {
            var result = await accounts.CreateAsync(District, new NewAccount(UserName, Role, Password, FullName, Position, Email, Phone, Language), User.Identity!.Name!, ct);
            if (result.Created is { } user)
            {
                Created = $"{user.UserName}|{Role}";
                return Redirect($"/portfolio/accounts?district={Uri.EscapeDataString(District)}#accounts");
            }
            Errors = result.NoDistrict ? new() { ["district"] = [new("Elija un distrito de la lista.", "Choose a district from the list.")] } : result.Errors;
            Response.StatusCode = result.Duplicate ? 409 : 400;
        }
        Password = null; // never sent back
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Districts = await db.Districts.AsNoTracking().OrderBy(d => d.Name).ToListAsync(ct);
        if (Districts.FirstOrDefault(d => d.Slug.Value == District) is not { } chosen) return;
        Existing = await accounts.ListAsync(chosen.Slug.Value, ct) ?? [];
    }
}
