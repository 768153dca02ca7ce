using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Propilas.Host.Accounts;
using Propilas.Host.Districts;

namespace Propilas.Host.Pages.Portfolio;

public sealed class NewModel(DistrictRegistration registration) : PageModel
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Province { get; set; }
    [BindProperty] public string? Department { get; set; } = "Cajamarca";
    [BindProperty] public string? Slug { get; set; }
    public Dictionary<string, string[]> Errors { get; private set; } = [];

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await registration.RegisterAsync(new NewDistrict(Name, Province, Department, Slug), User.ToActor(), ct);
        if (result.District is not null) return Redirect($"/districts/{result.District.Slug}");
        Errors = result.Errors;
        Response.StatusCode = result.Duplicate ? 409 : 400;
        return Page();
    }
}
