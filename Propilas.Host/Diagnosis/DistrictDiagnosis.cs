using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Propilas.Host.Districts;
using Propilas.Rules.Diagnosis;

namespace Propilas.Host.Diagnosis;

/// <summary>
/// A district's imported diagnosis survey, row by row, so its summary and each system's sustainability can be recomputed
/// (e.g. after the scoring in sustainability.json changes). One per district: a new import replaces the rows.
/// </summary>
public sealed class DistrictDiagnosis
{
    public int Id { get; set; }
    public int DistrictId { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
    public required string ImportedBy { get; set; }
    public string? FileName { get; set; }

    /// <summary>Bumped by every import; an import made from an older version is stale.</summary>
    public int Version { get; set; }

    public List<DiagnosisLocality> Localities { get; set; } = [];

    public DiagnosisSurvey ToSurvey() => new(Localities.OrderBy(l => l.Position).Select(l => l.ToSurveyed()).ToList());

    public void Replace(DiagnosisSurvey survey) =>
        Localities = survey.Localities.Select((l, i) => DiagnosisLocality.From(l, i)).ToList();
}

/// <summary>One surveyed locality, with the family-survey counts (null: not surveyed).</summary>
public sealed class DiagnosisLocality
{
    public int Id { get; set; }
    public int DiagnosisId { get; set; }
    public int Position { get; set; }
    public required string Name { get; set; }
    public int Families { get; set; }
    public int? Population { get; set; }
    public int FamiliesWithSafeWater { get; set; }
    public int? FamiliesSurveyed { get; set; }
    public int? LatrineUse { get; set; }
    public int? OpenDefecation { get; set; }
    public int? ToiletUse { get; set; }
    public int? HandwashingThreeOccasions { get; set; }
    public int? DrinkTapWater { get; set; }
    public int? DrinkBoiledWater { get; set; }
    public int? DrinkSpringOrWell { get; set; }
    public int? ChildrenUnder5 { get; set; }
    public int? ChildrenUnder5WithAdd { get; set; }
    public List<DiagnosisWaterSystem> Systems { get; set; } = [];

    public SurveyedLocality ToSurveyed() => new(Name, Families, Population, FamiliesWithSafeWater,
        new HygieneAnswers(FamiliesSurveyed, LatrineUse, OpenDefecation, ToiletUse, HandwashingThreeOccasions, DrinkTapWater, DrinkBoiledWater, DrinkSpringOrWell),
        new ChildHealthAnswers(ChildrenUnder5, ChildrenUnder5WithAdd),
        Systems.OrderBy(s => s.Position).Select(s => s.ToSurveyed()).ToList());

    public static DiagnosisLocality From(SurveyedLocality l, int position) => new()
    {
        Position = position, Name = l.Name, Families = l.Families, Population = l.Population, FamiliesWithSafeWater = l.FamiliesWithSafeWater,
        FamiliesSurveyed = l.Hygiene.FamiliesSurveyed, LatrineUse = l.Hygiene.LatrineUse, OpenDefecation = l.Hygiene.OpenDefecation,
        ToiletUse = l.Hygiene.ToiletUse, HandwashingThreeOccasions = l.Hygiene.HandwashingThreeOccasions, DrinkTapWater = l.Hygiene.DrinkTapWater,
        DrinkBoiledWater = l.Hygiene.DrinkBoiledWater, DrinkSpringOrWell = l.Hygiene.DrinkSpringOrWell,
        ChildrenUnder5 = l.ChildHealth.ChildrenUnder5, ChildrenUnder5WithAdd = l.ChildHealth.ChildrenUnder5WithAdd,
        Systems = l.Systems.Select((s, i) => DiagnosisWaterSystem.From(s, i)).ToList(),
    };
}

/// <summary>One water system of a locality, with its three sustainability scores (1 worst to 4 best).</summary>
public sealed class DiagnosisWaterSystem
{
    public int Id { get; set; }
    public int LocalityId { get; set; }
    public int Position { get; set; }
    public required string Name { get; set; }
    public int? YearBuilt { get; set; }
    public decimal StateScore { get; set; }
    public decimal ManagementScore { get; set; }
    public decimal OmScore { get; set; }
    public bool Chlorinates { get; set; }
    public bool HasOmPlan { get; set; }

    public SurveyedWaterSystem ToSurveyed() => new(Name, YearBuilt, new SustainabilityScores(StateScore, ManagementScore, OmScore), Chlorinates, HasOmPlan);

    public static DiagnosisWaterSystem From(SurveyedWaterSystem s, int position) => new()
    {
        Position = position, Name = s.Name, YearBuilt = s.YearBuilt, StateScore = s.Scores.State, ManagementScore = s.Scores.Management,
        OmScore = s.Scores.OperationAndMaintenance, Chlorinates = s.Chlorinates, HasOmPlan = s.HasOmPlan,
    };
}

public sealed class DistrictDiagnosisConfiguration : IEntityTypeConfiguration<DistrictDiagnosis>
{
    public void Configure(EntityTypeBuilder<DistrictDiagnosis> b)
    {
        b.ToTable("DistrictDiagnoses");
        b.HasOne<District>().WithMany().HasForeignKey(d => d.DistrictId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(d => d.DistrictId).IsUnique();
        b.Property(d => d.ImportedBy).HasMaxLength(256);
        b.Property(d => d.FileName).HasMaxLength(260);
        b.Property(d => d.Version).IsConcurrencyToken();
        b.HasMany(d => d.Localities).WithOne().HasForeignKey(l => l.DiagnosisId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class DiagnosisLocalityConfiguration : IEntityTypeConfiguration<DiagnosisLocality>
{
    public void Configure(EntityTypeBuilder<DiagnosisLocality> b)
    {
        b.ToTable("DiagnosisLocalities");
        b.Property(l => l.Name).HasMaxLength(200);
        b.HasMany(l => l.Systems).WithOne().HasForeignKey(s => s.LocalityId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class DiagnosisWaterSystemConfiguration : IEntityTypeConfiguration<DiagnosisWaterSystem>
{
    public void Configure(EntityTypeBuilder<DiagnosisWaterSystem> b)
    {
        b.ToTable("DiagnosisWaterSystems");
        b.Property(s => s.Name).HasMaxLength(200);
        b.Property(s => s.StateScore).HasPrecision(4, 2);
        b.Property(s => s.ManagementScore).HasPrecision(4, 2);
        b.Property(s => s.OmScore).HasPrecision(4, 2);
    }
}
