using Microsoft.EntityFrameworkCore;
using Propilas.Host.Common;
using Propilas.Host.Database;
using Propilas.Host.Districts;
using Propilas.Host.Planning;
using Propilas.Rules.Diagnosis;

namespace Propilas.Host.Diagnosis;

/// <summary>
/// Imports a district's survey file: all or nothing (every bad row reported, nothing stored), replacing the previous
/// import's rows in one audited transaction. A caller that read version N and finds N+1 gets a stale outcome.
/// </summary>
public sealed class DiagnosisImporter(PropilasDb db, DiagnosisSummaries summaries, TimeProvider time)
{
    public sealed record Outcome(DistrictDiagnosis? Diagnosis, IReadOnlyList<DiagnosisImportError> Errors, bool Stale = false)
    {
        public bool Imported => Diagnosis is not null;
    }

    /// <param name="expectedVersion">The diagnosis version the caller saw (0: none yet); null skips the check.</param>
    public async Task<Outcome> ImportAsync(District district, byte[] content, string? fileName, string by, string role, int? expectedVersion,
        CancellationToken ct)
    {
        var result = DiagnosisSurveyImporter.Import(content);
        if (!result.Succeeded) return new Outcome(null, result.Errors);

        var existing = await db.Set<DistrictDiagnosis>().Include(d => d.Localities).ThenInclude(l => l.Systems)
            .AsSplitQuery().FirstOrDefaultAsync(d => d.DistrictId == district.Id, ct);
        if (expectedVersion is { } expected && expected != (existing?.Version ?? 0)) return new Outcome(null, [], Stale: true);

        var before = existing is null ? null : DistrictSummaryCsv.Line(summaries.Summarise(district, existing));
        var diagnosis = existing ?? new DistrictDiagnosis { DistrictId = district.Id, ImportedBy = by };
        if (existing is null) db.Add(diagnosis);
        else
        {
            db.RemoveRange(existing.Localities.SelectMany(l => l.Systems));
            db.RemoveRange(existing.Localities);
        }
        diagnosis.Replace(result.Survey);
        diagnosis.Version = (existing?.Version ?? 0) + 1;
        diagnosis.ImportedAt = time.GetUtcNow();
        diagnosis.ImportedBy = by;
        diagnosis.FileName = fileName is null ? null : Path.GetFileName(fileName);
        var summary = summaries.Summarise(district, diagnosis);
        db.AuditEvents.Add(new AuditEvent
        {
            Subject = district.Slug.Subject.Value, Action = "diagnosis.imported", Target = "district-diagnosis", By = by, Role = role,
            At = diagnosis.ImportedAt, Before = before, After = DistrictSummaryCsv.Line(summary),
            Evidence = System.Text.Json.JsonSerializer.Serialize(new
            {
                fileName = diagnosis.FileName, version = diagnosis.Version, localities = summary.Localities, systems = summary.SystemsTotal,
            }),
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsConflict()) // a concurrent import changed the version, or created the first diagnosis, first
        {
            db.ChangeTracker.Clear();
            return new Outcome(null, [], Stale: true);
        }
        return new Outcome(diagnosis, []);
    }
}
