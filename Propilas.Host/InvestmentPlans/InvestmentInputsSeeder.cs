using System.Globalization;
using Propilas.Host.Accounts;
using Propilas.Host.Common;
using Propilas.Host.Database;
using Propilas.Host.Districts;
using Propilas.Rules.Csv;

namespace Propilas.Host.InvestmentPlans;

/// <summary>Seeds the pilots' investment-plan inputs from <c>Seed/data/investment-inputs.csv</c> (the 2005 budgets), audited.</summary>
public sealed class InvestmentInputsSeeder(PropilasDb db, TimeProvider time)
{
    public async Task SeedAsync(string csvPath, IReadOnlyList<District> districts, CancellationToken ct)
    {
        var bySlug = districts.ToDictionary(d => d.Slug);
        foreach (var row in CsvTable.Read(csvPath))
        {
            if (!bySlug.TryGetValue(DistrictSlug.FromName(row["district"]), out var district)) continue;
            var now = time.GetUtcNow();
            var inputs = new DistrictInvestmentInputs
            {
                DistrictId = district.Id,
                TotalBudget = Number(row["total_budget_2005_soles"]),
                InvestmentBudget = Number(row["investment_budget_2005_soles"]),
                Population = (int)Number(row["population"]),
                CoveragePct = Number(row["water_coverage_pct"]),
                RehabilitationPopulation = (int)Number(row["rehabilitation_population"]),
                UpdatedAt = now, UpdatedBy = Roles.Coordinator, Version = 1,
            };
            db.Add(inputs);
            db.AuditEvents.Add(InvestmentInputsEditor.Audit(district, null, inputs, Roles.Coordinator, Roles.Coordinator, now));
        }
        await db.SaveChangesAsync(ct);
    }

    private static decimal Number(string text) => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);
}
