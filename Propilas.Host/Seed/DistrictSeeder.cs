using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Propilas.Host.Database;
using Propilas.Host.Districts;
using Propilas.Rules.Csv;

namespace Propilas.Host.Seed;

/// <summary>Seeds the six pilot districts with their 2004 diagnosis figures (<c>Seed/data/districts.csv</c>).</summary>
public sealed class DistrictSeeder(PropilasDb db, TimeProvider time)
{
    public const string Department = "Cajamarca";

    /// <returns>The districts it added (none when the database already has districts).</returns>
    public async Task<IReadOnlyList<District>> SeedAsync(string csvPath, CancellationToken ct)
    {
        if (await db.Districts.AnyAsync(ct)) return [];
        var districts = CsvTable.Read(csvPath).Select(row => new District
        {
            Slug = DistrictSlug.FromName(row["district"]),
            Name = row["district"],
            Province = row["province"],
            Department = Department,
            CreatedAt = time.GetUtcNow(),
            Baseline = new BaselineDiagnosis
            {
                Year = 2004,
                Localities = Int(row, "localities"),
                Families = Int(row, "families"),
                WaterCoveragePct = Int(row, "water_coverage_pct"),
                SystemsSustainable = Int(row, "systems_sustainable"),
                SystemsDeteriorating = Int(row, "systems_deteriorating"),
                SystemsSevereDeterioration = Int(row, "systems_severe_deterioration"),
                SystemsCollapsed = Int(row, "systems_collapsed"),
                SystemsTotal = Int(row, "systems_total"),
                SystemsWithOmPlan = Int(row, "systems_with_om_plan"),
                SystemsChlorinating = Int(row, "systems_chlorinating"),
                LatrineUsePct = Optional(row, "latrine_use_pct"),
                OpenDefecationPct = Optional(row, "open_defecation_pct"),
                ToiletUsePct = Optional(row, "toilet_use_pct"),
                HandwashingThreeOccasionsPct = Optional(row, "handwashing_three_occasions_pct"),
                DrinkTapWaterPct = Optional(row, "drink_tap_water_pct"),
                DrinkBoiledWaterPct = Optional(row, "drink_boiled_water_pct"),
                DrinkSpringOrWellPct = Optional(row, "drink_spring_or_well_pct"),
                AddPrevalenceUnder5Pct = Optional(row, "add_prevalence_under5_pct"),
            },
        }).ToList();
        db.Districts.AddRange(districts);
        await db.SaveChangesAsync(ct);
        return districts;
    }

    private static int Int(CsvRow row, string column) => int.Parse(row[column], CultureInfo.InvariantCulture);

    private static int? Optional(CsvRow row, string column) =>
        row[column].Length == 0 ? null : Int(row, column);
}
