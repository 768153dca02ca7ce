using Propilas.Host.Accounts;
using Propilas.Host.Districts;

namespace Propilas.Host.Diagnosis;

/// <summary>
/// Imports the pilots' seed surveys (<c>Seed/data/diagnosis/&lt;slug&gt;.csv</c>) for the districts just seeded, through the
/// same importer as the API, so their summaries reproduce districts.csv and their diagnosis step can be completed.
/// </summary>
public sealed class DiagnosisSeeder(DiagnosisImporter importer)
{
    public async Task SeedAsync(string folder, IReadOnlyList<District> districts, CancellationToken ct)
    {
        foreach (var district in districts)
        {
            var file = Path.Combine(folder, $"{district.Slug}.csv");
            if (!File.Exists(file)) continue;
            var outcome = await importer.ImportAsync(district, await File.ReadAllBytesAsync(file, ct), Path.GetFileName(file),
                Roles.Coordinator, Roles.Coordinator, expectedVersion: null, ct);
            if (!outcome.Imported)
                throw new InvalidOperationException($"Seed survey {file} was not imported:\n  " + string.Join("\n  ", outcome.Errors));
        }
    }
}
