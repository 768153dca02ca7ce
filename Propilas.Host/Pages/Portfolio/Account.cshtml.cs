using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Propilas.Host.Districts;
using Propilas.Host.Pages.Shared;

namespace Propilas.Host.Pages.Portfolio;

/// <summary>
/// One district account for the coordinator: who it is, and disabling it, enabling it again or giving it a new password (the
/// same <see cref="DistrictAccounts"/> as the API's <c>/api/districts/{slug}/accounts/{userName}/…</c>).
/// </summary>
public sealed class AccountModel(DistrictAccounts accounts) : PageModel
{
    public string DistrictSlug { get; private set; } = "";
    public string DistrictName { get; private set; } = "";
    public DistrictAccount Account { get; private set; } = null!;
    public IReadOnlyList<FieldProblem> Problems { get; private set; } = [];

    /// <summary>What was done, for the notice after the redirect: disabled, enabled or password.</summary>
    [TempData] public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(string district, string userName, CancellationToken ct) =>
        await LoadAsync(district, userName, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostDisableAsync(string district, string userName, CancellationToken ct) =>
        ChangeAsync(district, userName, "disabled", accounts.SetDisabledAsync(district, userName, true, User.Identity!.Name!, ct), ct);

    public Task<IActionResult> OnPostEnableAsync(string district, string userName, CancellationToken ct) =>
        ChangeAsync(district, userName, "enabled", accounts.SetDisabledAsync(district, userName, false, User.Identity!.Name!, ct), ct);

    public Task<IActionResult> OnPostPasswordAsync(string district, string userName, [FromForm] string? password, CancellationToken ct) =>
        ChangeAsync(district, userName, "password", accounts.ResetPasswordAsync(district, userName, password, User.Identity!.Name!, ct), ct);

    private async Task<IActionResult> ChangeAsync(string district, string userName, string done, Task<DistrictAccounts.Change> changing, CancellationToken ct)
    {
        var change = await changing;
        if (change.NotFound) return NotFound();
        if (change.Account is not null)
        {
            Done = done;
            return Redirect($"/portfolio/accounts/{district}/{Uri.EscapeDataString(userName)}#account-done");
        }
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        Problems = [.. change.Errors.SelectMany(e => e.Value.Select(t => new FieldProblem("reset-" + e.Key, t.In(language))))];
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(district, userName, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(string district, string userName, CancellationToken ct)
    {
        if (await accounts.FindAsync(district, userName, ct) is not { } found) return false;
        DistrictSlug = found.District.Slug.Value;
        DistrictName = found.District.Name;
        Account = (await accounts.ListAsync(district, ct))!.Single(a => a.UserName == found.User.UserName);
        return true;
    }
}
