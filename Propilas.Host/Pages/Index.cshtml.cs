using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Propilas.Host.Accounts;

namespace Propilas.Host.Pages;

/// <summary>Sends each person to where their work is: the coordinator to every district, others to their own.</summary>
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet() =>
        User.IsCoordinator() ? Redirect("/portfolio")
        : User.HomeDistrict() is { } home ? Redirect($"/districts/{home}")
        : StatusCode(403);
}
