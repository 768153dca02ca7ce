using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Propilas.Host.Accounts;

namespace Propilas.Host.Pages;

/// <summary>Sends each person to where their work is: the coordinator to every district, others to their own work list.</summary>
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet() =>
        User.IsCoordinator() ? Redirect("/portfolio")
        : User.HomeDistrict() is not null ? Redirect("/work")
        : StatusCode(403);
}
