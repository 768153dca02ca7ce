using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Propilas.Host.StrategicPlan;

/// <summary>The four key issues the design workshops found in every pilot district.</summary>
public enum KeyIssue
{
    Infrastructure,
    /// <summary>Administration, operation and maintenance of the water systems.</summary>
    Aom,
    HealthHygieneEducation,
    MunicipalCommunityManagement,
}

/// <summary>A strategic goal of the district's plan, with its measurable target when it has one.</summary>
public sealed class PlanGoal
{
    public int Id { get; set; }
    public int DistrictId { get; set; }
    public KeyIssue KeyIssue { get; set; }
    public required string Text { get; set; }
    public decimal? TargetValue { get; set; }
    /// <summary>What the target counts, e.g. "% de familias", "JASS".</summary>
    public string? TargetUnit { get; set; }
    public int? TargetYear { get; set; }
    public int Version { get; set; }
}

/// <summary>An activity of the annual operating plan, under one strategic goal.</summary>
public sealed class PlanActivity
{
    public int Id { get; set; }
    public int DistrictId { get; set; }
    public int GoalId { get; set; }
    public required string Text { get; set; }
    /// <summary>Who is responsible; the design gate needs one for every activity.</summary>
    public string? Owner { get; set; }
    public int Year { get; set; }
    public int Version { get; set; }
}

public sealed class PlanGoalConfiguration : IEntityTypeConfiguration<PlanGoal>
{
    public void Configure(EntityTypeBuilder<PlanGoal> b)
    {
        b.ToTable("PlanGoals");
        b.Property(g => g.KeyIssue).HasConversion<string>().HasMaxLength(40);
        b.Property(g => g.Text).HasMaxLength(500);
        b.Property(g => g.TargetUnit).HasMaxLength(60);
        b.Property(g => g.Version).IsConcurrencyToken();
        b.HasIndex(g => g.DistrictId);
        b.HasOne<Districts.District>().WithMany().HasForeignKey(g => g.DistrictId);
    }
}

public sealed class PlanActivityConfiguration : IEntityTypeConfiguration<PlanActivity>
{
    public void Configure(EntityTypeBuilder<PlanActivity> b)
    {
        b.ToTable("PlanActivities");
        b.Property(a => a.Text).HasMaxLength(500);
        b.Property(a => a.Owner).HasMaxLength(200);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.HasIndex(a => a.DistrictId);
        // A goal with activities cannot be removed (the book answers 409 first).
        b.HasOne<PlanGoal>().WithMany().HasForeignKey(a => a.GoalId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Districts.District>().WithMany().HasForeignKey(a => a.DistrictId);
    }
}
