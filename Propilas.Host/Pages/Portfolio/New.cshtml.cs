using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Propilas.Host.Accounts;
using Propilas.Host.Districts;
using Propilas.Host.Pages.Localization;
using Propilas.Host.Pages.Shared;

namespace Propilas.Host.Pages.Portfolio;

public sealed partial class NewModel(DistrictRegistration registration, IStringLocalizer<Texts> texts) : PageModel
{
    /// <summary>The form's fields: the posted name and the input's id (the registration's error key).</summary>
    public static readonly (string Field, string Id)[] Fields = [("Name", "name"), ("Province", "province"), ("Department", "department"), ("Slug", "slug")];

    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Province { get; set; }
    [BindProperty] public string? Department { get; set; } = "Cajamarca";
    [BindProperty] public string? Slug { get; set; }

    /// <summary>The registration's refusals, by input id, in the page's language.</summary>
    public Dictionary<string, string> Errors { get; } = [];

    public IReadOnlyList<FieldProblem> Problems => Fields.Where(f => Errors.ContainsKey(f.Id)).Select(f => new FieldProblem(f.Id, Errors[f.Id])).ToList();

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await registration.RegisterAsync(new NewDistrict(Name, Province, Department, Slug), User.ToActor(), ct);
        if (result.District is not null) return Redirect($"/districts/{result.District.Slug}");
        foreach (var (field, messages) in result.Errors) Errors[field] = string.Join(" ", messages.Select(Localize));
        Response.StatusCode = result.Duplicate ? 409 : 400;
        return Page();
    }

    // The registration answers in English, for the API: "a district 'chugur' already exists", "is required"...
    private string Localize(string message)
    {
        if (Duplicate().Match(message) is { Success: true } m) return string.Format(texts["NewDistrict.duplicate"], m.Groups[1].Value);
        var text = texts["NewDistrict." + message];
        return text.ResourceNotFound ? texts["NewDistrict.other"] : text;
    }

    [GeneratedRegex("^a district '(.*)' already exists$")]
    private static partial Regex Duplicate();
}
