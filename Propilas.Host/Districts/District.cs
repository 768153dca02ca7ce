using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Propilas.Host.Districts;

/// <summary>A district municipality taking part in the programme.</summary>
public sealed class District
{
    public int Id { get; set; }
    public DistrictSlug Slug { get; set; }
    public required string Name { get; set; }
    public required string Province { get; set; }
    public required string Department { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The baseline figures of the district's first W&S diagnosis, when it has one.</summary>
    public BaselineDiagnosis? Baseline { get; set; }
}

/// <summary>District-level diagnosis figures, in the shape of the pilots' 2004 diagnosis table.</summary>
public sealed class BaselineDiagnosis
{
    public int Year { get; set; }
    public int Localities { get; set; }
    public int Families { get; set; }
    public int WaterCoveragePct { get; set; }
    public int SystemsSustainable { get; set; }
    public int SystemsDeteriorating { get; set; }
    public int SystemsSevereDeterioration { get; set; }
    public int SystemsCollapsed { get; set; }
    public int SystemsTotal { get; set; }
    public int SystemsWithOmPlan { get; set; }
    public int SystemsChlorinating { get; set; }
    public int? LatrineUsePct { get; set; }
    public int? OpenDefecationPct { get; set; }
    public int? ToiletUsePct { get; set; }
    public int? HandwashingThreeOccasionsPct { get; set; }
    public int? DrinkTapWaterPct { get; set; }
    public int? DrinkBoiledWaterPct { get; set; }
    public int? DrinkSpringOrWellPct { get; set; }
    public int? AddPrevalenceUnder5Pct { get; set; }
}

public sealed class DistrictConfiguration : IEntityTypeConfiguration<District>
{
    public void Configure(EntityTypeBuilder<District> b)
    {
        b.Property(d => d.Slug).HasConversion(s => s.Value, v => DistrictSlug.From(v)).HasMaxLength(60);
        b.HasIndex(d => d.Slug).IsUnique();
        b.Property(d => d.Name).HasMaxLength(120);
        b.Property(d => d.Province).HasMaxLength(120);
        b.Property(d => d.Department).HasMaxLength(120);
        b.OwnsOne(d => d.Baseline, o => o.ToTable("DistrictBaselines"));
    }
}
