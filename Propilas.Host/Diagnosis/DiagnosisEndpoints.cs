using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Propilas.Host.Accounts;
using Propilas.Host.Alerts;
using Propilas.Host.Common;
using Propilas.Host.Database;
using Propilas.Host.Districts;
using Propilas.Host.Planning;
using Propilas.Rules.Diagnosis;

namespace Propilas.Host.Diagnosis;

public static class DiagnosisEndpoints
{
    /// <summary>Survey files are small (a district has at most a few hundred localities); anything larger is refused.</summary>
    public const int MaxFileBytes = 2 * 1024 * 1024;

    /// <summary>A request carrying a survey file: the file, and room for the form around it.</summary>
    public const int MaxUploadBytes = MaxFileBytes + 64 * 1024;

    public static void MapDiagnosis(this IEndpointRouteBuilder app)
    {
        var district = app.MapDistrictGroup("/diagnosis", "diagnosis").WithTags("Diagnosis");
        // JSON, or the CSV of districts.csv on request (Accept: text/csv or ?format=csv).
        district.MapGet("", Get).Produces<DiagnosisView>(StatusCodes.Status200OK, "application/json", "text/csv")
            .WithSummary("The district's diagnosis summary (the columns of districts.csv) and each water system's sustainability category; text/csv on request.");
        district.MapPost("", Import).RequireAuthorization(p => p.RequireRole(Roles.Coordinator)).DisableAntiforgery()
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxUploadBytes))
            .Accepts<IFormFile>("multipart/form-data", "text/csv", "text/plain", "application/octet-stream").ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Imports the district's survey CSV (multipart field 'file', or a text/csv body), replacing the previous import; a bad file imports nothing and lists every bad row (coordinator).");

        var all = app.MapGroup("/api/diagnosis").RequireAuthorization().WithTags("Diagnosis");
        all.MapGet("/summary", Summary).RequireAuthorization(p => p.RequireRole(Roles.Coordinator))
            .Produces<List<DiagnosisView>>(StatusCodes.Status200OK, "application/json", "text/csv")
            .WithSummary("Every diagnosed district's summary; with Accept: text/csv (or ?format=csv), exactly in the format of districts.csv (coordinator).");
        all.MapGet("/template", (DiagnosisFiles files) => files.Template()).Produces<string>(StatusCodes.Status200OK, "text/csv").WithSummary("The survey template: the header of the CSV to fill.");
        all.MapGet("/template/es", (DiagnosisFiles files) => files.SpanishTemplate()).Produces<string>(StatusCodes.Status200OK, "text/csv").WithSummary("The survey template with its columns headed in Spanish.");
        all.MapGet("/sample", (DiagnosisFiles files) => files.Sample()).Produces<string>(StatusCodes.Status200OK, "text/csv").WithSummary("A small valid survey showing every case.");
    }

    private static async Task<IResult> Get(string slug, HttpContext http, PropilasDb db, DiagnosisSummaries summaries, CancellationToken ct)
    {
        var district = await db.RecordOfAsync(http.District(), ct);
        if (await summaries.FindAsync(district.Id, ct) is not { } diagnosis)
            return Problems.NotFound($"District '{slug}' has no diagnosis yet: import its survey (see /api/diagnosis/template).");
        var view = summaries.View(district, diagnosis);
        return WantsCsv(http) ? Csv(DistrictSummaryCsv.Write([view.Summary])) : TypedResults.Ok(view);
    }

    private static async Task<Results<Ok<DiagnosisView>, ProblemHttpResult, ValidationProblem>> Import(string slug, int? expectedVersion, HttpContext http, PropilasDb db, DiagnosisImporter importer,
        DiagnosisSummaries summaries, DistrictChanges changes, CancellationToken ct)
    {
        var district = await db.RecordOfAsync(http.District(), ct);
        var (content, fileName, problem) = await ReadUploadAsync(http.Request, ct);
        if (problem is not null) return problem;

        var outcome = await importer.ImportAsync(district, content!, fileName, http.User.Identity!.Name!, Roles.Coordinator, expectedVersion, ct);
        if (outcome.Stale)
            return Problems.Conflict($"The diagnosis of district '{slug}' was replaced by someone else since you read it; reload and try again.", "stale");
        if (!outcome.Imported) return Rejected(outcome.Errors);
        await changes.AfterChangeAsync(district.Id, DistrictArea.Diagnosis, ct);
        return TypedResults.Ok(summaries.View(district, outcome.Diagnosis!));
    }

    private static async Task<IResult> Summary(HttpContext http, DiagnosisSummaries summaries, CancellationToken ct)
    {
        var all = await summaries.AllAsync(null, ct);
        return WantsCsv(http)
            ? Csv(DistrictSummaryCsv.Write(all.Select(d => summaries.Summarise(d.District, d.Diagnosis))))
            : TypedResults.Ok(all.Select(d => summaries.View(d.District, d.Diagnosis)).ToList());
    }

    /// <summary>400 naming every bad row: <c>errors</c> by column (or "file"), and <c>rows</c> with line, column, kind and why (<c>message</c>,
    /// and <c>messageEs</c> in Spanish).</summary>
    public static ValidationProblem Rejected(IReadOnlyList<DiagnosisImportError> errors) =>
        TypedResults.ValidationProblem(
            errors.GroupBy(e => e.Column ?? "file").ToDictionary(g => g.Key, g => g.Select(e => e.ToString()).ToArray()),
            $"The survey file was not imported: {errors.Count} problem(s). Nothing was stored; correct the file and import it again.",
            title: "Invalid request",
            extensions: new Dictionary<string, object?>
            {
                ["rows"] = errors.Select(e => new { line = e.Line, column = e.Column, kind = KebabCase(e.Kind.ToString()), message = e.Message, messageEs = e.Text.Es }).ToList(),
            });

    /// <summary>The file of a multipart upload (field <c>file</c>; a file under another name is refused), or the raw body of any other request.</summary>
    private static async Task<(byte[]? Content, string? FileName, ValidationProblem? Problem)> ReadUploadAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxFileBytes) return (null, null, TooLarge());
        using var buffer = new MemoryStream();
        string? fileName = null;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            if (form.Files.FirstOrDefault(f => f.Name != "file") is { } other)
                return (null, null, Problems.Invalid(new Dictionary<string, string[]> { ["file"] = [$"send the survey CSV in the field 'file', not '{other.Name}'"] },
                    "The file was sent under another field name."));
            var file = form.Files.GetFile("file");
            if (file is null)
                return (null, null, Problems.Invalid(new Dictionary<string, string[]> { ["file"] = ["choose the survey CSV file"] }, "No file was sent."));
            if (file.Length > MaxFileBytes) return (null, null, TooLarge());
            fileName = file.FileName;
            await file.CopyToAsync(buffer, ct);
        }
        else
        {
            await request.Body.CopyToAsync(buffer, ct);
            if (buffer.Length > MaxFileBytes) return (null, null, TooLarge());
        }
        return (buffer.ToArray(), fileName, null);
    }

    private static ValidationProblem TooLarge() =>
        Problems.Invalid(new Dictionary<string, string[]> { ["file"] = [$"must be at most {MaxFileBytes / 1024 / 1024} MB"] }, "The file is too large.");


    public static bool WantsCsv(HttpContext http) =>
        http.Request.Query["format"] == "csv" || http.Request.Headers.Accept.Any(a => a?.Contains("text/csv", StringComparison.OrdinalIgnoreCase) == true);

    public static IResult Csv(string text, string? downloadName = null) =>
        TypedResults.File(new UTF8Encoding(false).GetBytes(text), "text/csv; charset=utf-8", downloadName);

    private static string KebabCase(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
