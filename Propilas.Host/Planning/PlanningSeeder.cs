using Propilas.Host.Diagnosis;
using Propilas.Host.Districts;
using Propilas.Host.InvestmentPlans;

namespace Propilas.Host.Planning;

/// <summary>
/// The pilots' planning data, seeded before their history is played: the diagnosis and investment-plan steps of the
/// process can only be completed once the district has a diagnosis and investment-plan inputs.
/// </summary>
public sealed class PlanningSeeder(DiagnosisSeeder diagnoses, InvestmentInputsSeeder inputs)
{
    public async Task SeedAsync(string dataFolder, IReadOnlyList<District> districts, CancellationToken ct)
    {
        await diagnoses.SeedAsync(Path.Combine(dataFolder, "diagnosis"), districts, ct);
        await inputs.SeedAsync(Path.Combine(dataFolder, "investment-inputs.csv"), districts, ct);
    }
}
