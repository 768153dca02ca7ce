using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Propilas.Host.Accounts;
using Propilas.Host.Alerts;
using Propilas.Host.Database;
using Propilas.Host.Diagnosis;
using Propilas.Host.Districts;
using Propilas.Host.Planning;
using Propilas.Rules.Diagnosis;

namespace Propilas.Host.Pages.Planning;

/// <summary>A district's diagnosis: its summary and systems, and (coordinator) the survey upload that shows every bad row on rejection.</summary>
[RequestSizeLimit(DiagnosisEndpoints.MaxUploadBytes)] // a survey file is larger than the other forms
public sealed class DiagnosisModel(PropilasDb db, DiagnosisSummaries summaries, DiagnosisImporter importer, DistrictChanges changes) : PageModel
{
    public District District { get; private set; } = null!;
    public DiagnosisView? View { get; private set; }
    public IReadOnlyList<DiagnosisImportError> Rejected { get; private set; } = [];
    public string? RejectedFile { get; private set; }

    /// <summary>The language the rejected file headed its columns in: the problems name them as the file does.</summary>
    public string RejectedColumns { get; private set; } = "en";
    public string? FileError { get; private set; }
    public bool Stale { get; private set; }
    [TempData] public string? Saved { get; set; }

    public bool CanImport => User.IsCoordinator();

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (await LoadAsync(slug, ct) is { } denied) return denied;
        return Page();
    }

    public async Task<IActionResult> OnPostImportAsync(string slug, int version, IFormFile? file, CancellationToken ct)
    {
        if (await LoadAsync(slug, ct) is { } denied) return denied;
        if (!CanImport) return Forbid();
        if (file is null || file.Length == 0) FileError = "ChooseFile";
        else if (file.Length > DiagnosisEndpoints.MaxFileBytes) FileError = "FileTooLarge";
        else
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            var outcome = await importer.ImportAsync(District, buffer.ToArray(), file.FileName, User.Identity!.Name!, Roles.Coordinator, version, ct);
            if (outcome.Imported)
            {
                await changes.AfterChangeAsync(District.Id, DistrictArea.Diagnosis, ct);
                Saved = "1";
                return Redirect($"/districts/{slug}/diagnosis");
            }
            Stale = outcome.Stale;
            Rejected = outcome.Errors;
            RejectedFile = Path.GetFileName(file.FileName);
            RejectedColumns = Propilas.Rules.Diagnosis.SurveyColumns.LanguageOf(buffer.ToArray());
        }
        Response.StatusCode = Stale ? 409 : 400;
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(string slug, CancellationToken ct)
    {
        if (await db.FindDistrictAsync(slug, ct) is not { } found) return NotFound();
        if (!User.CanAccess(found.Slug)) return Forbid();
        var district = await db.RecordOfAsync(found, ct);
        District = district;
        View = await summaries.FindAsync(district.Id, ct) is { } diagnosis ? summaries.View(district, diagnosis) : null;
        return null;
    }
}
