using Microsoft.EntityFrameworkCore;
using Propilas.Host.Database;
using Propilas.Host.Districts;
using Propilas.Host.Planning;
using Propilas.Rules.Diagnosis;
using Propilas.Host.Common;

namespace Propilas.Host.Diagnosis;

/// <summary>Recomputes district summaries (the shape of districts.csv) and system categories from the stored rows.</summary>
public sealed class DiagnosisSummaries(PropilasDb db, SustainabilityRules rules)
{
    public DistrictDiagnosisSummary Summarise(District district, DistrictDiagnosis diagnosis) =>
        DistrictDiagnosisSummariser.Summarise(district.Name, district.Province, diagnosis.ToSurvey(), rules);

    /// <summary>The district's diagnosis with its rows, or null when none was imported.</summary>
    public Task<DistrictDiagnosis?> FindAsync(int districtId, CancellationToken ct) =>
        db.Set<DistrictDiagnosis>().AsNoTracking().Include(d => d.Localities).ThenInclude(l => l.Systems).AsSplitQuery()
            .FirstOrDefaultAsync(d => d.DistrictId == districtId, ct);

    /// <summary>Every diagnosed district (or those given), in registration order, as districts.csv lists the pilots.</summary>
    public async Task<IReadOnlyList<(District District, DistrictDiagnosis Diagnosis)>> AllAsync(IReadOnlyCollection<int>? districtIds, CancellationToken ct)
    {
        var query = db.Set<DistrictDiagnosis>().AsNoTracking();
        if (districtIds is not null) query = query.Where(d => districtIds.Contains(d.DistrictId));
        var diagnoses = await query.Include(d => d.Localities).ThenInclude(l => l.Systems).AsSplitQuery().ToListAsync(ct);
        var ids = diagnoses.Select(d => d.DistrictId).ToList();
        var districts = await db.Districts.AsNoTracking().Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
        return diagnoses.OrderBy(d => d.DistrictId).Select(d => (districts[d.DistrictId], d)).ToList();
    }

    public DiagnosisView View(District district, DistrictDiagnosis diagnosis)
    {
        var systems = diagnosis.Localities.OrderBy(l => l.Position).SelectMany(l => l.Systems.OrderBy(s => s.Position).Select(s =>
        {
            var c = rules.Classify(s.ToSurveyed().Scores);
            return new SystemView(l.Name, s.Name, s.YearBuilt, s.StateScore.Plain(), s.ManagementScore.Plain(), s.OmScore.Plain(), c.Index.Plain(), CategoryId(c.Category),
                new CategoryName(c.Band.NameEs, c.Band.NameEn), s.Chlorinates, s.HasOmPlan);
        })).ToList();
        return new DiagnosisView(district.Slug, Summarise(district, diagnosis), diagnosis.Version, diagnosis.ImportedAt, diagnosis.ImportedBy,
            diagnosis.FileName, systems);
    }

    public static string CategoryId(SustainabilityCategory category) => SustainabilityCategoryIds.ById.First(c => c.Value == category).Key;
}

/// <summary>A district's diagnosis as the API shows it: the districts.csv figures, then each system and its category.</summary>
public sealed record DiagnosisView(
    DistrictSlug Slug, DistrictDiagnosisSummary Summary, int Version, DateTimeOffset ImportedAt, string ImportedBy, string? FileName,
    IReadOnlyList<SystemView> Systems);

public sealed record SystemView(
    string Locality, string Name, int? YearBuilt, decimal StateScore, decimal ManagementScore, decimal OmScore, decimal Index,
    string Category, CategoryName CategoryName, bool Chlorinates, bool HasOmPlan);

public sealed record CategoryName(string Es, string En);
