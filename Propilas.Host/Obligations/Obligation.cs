using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Propilas.Rules.Facts;
using Propilas.Rules.Obligations;

namespace Propilas.Host.Obligations;

/// <summary>
/// A row of the stakeholder-role matrix that became an obligation of one district's stakeholder when its process reached
/// the row's phase. Kept by (district, <see cref="Key"/>); fulfilled with evidence.
/// </summary>
public sealed class Obligation
{
    public int Id { get; set; }
    public int DistrictId { get; set; }
    /// <summary>The planner's stable key, e.g. <c>planning.municipality.3</c>.</summary>
    public required string Key { get; set; }
    public ObligationPhase Phase { get; set; }
    /// <summary>The matrix step, e.g. <c>diagnosis</c>, <c>financing</c>.</summary>
    public required string Step { get; set; }
    public Stakeholder Stakeholder { get; set; }
    public required string TextEs { get; set; }
    public required string TextEn { get; set; }
    public DateOnly DueOn { get; set; }

    public DateOnly? FulfilledOn { get; set; }
    public string? FulfilledBy { get; set; }
    public string? FulfilledRole { get; set; }
    public string? Evidence { get; set; }
    public DateTimeOffset? FulfilledAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public int Version { get; set; }

    public bool Fulfilled => FulfilledOn is not null;
}

public sealed class ObligationConfiguration : IEntityTypeConfiguration<Obligation>
{
    public void Configure(EntityTypeBuilder<Obligation> b)
    {
        b.ToTable("Obligations");
        b.Property(o => o.Key).HasMaxLength(100);
        b.Property(o => o.Step).HasMaxLength(60);
        b.Property(o => o.Phase).HasConversion<string>().HasMaxLength(30);
        b.Property(o => o.Stakeholder).HasConversion<string>().HasMaxLength(30);
        b.Property(o => o.TextEs).HasMaxLength(500);
        b.Property(o => o.TextEn).HasMaxLength(500);
        b.Property(o => o.FulfilledBy).HasMaxLength(256);
        b.Property(o => o.FulfilledRole).HasMaxLength(40);
        b.Property(o => o.Evidence).HasMaxLength(4000);
        b.Property(o => o.Version).IsConcurrencyToken();
        b.Ignore(o => o.Fulfilled);
        b.HasIndex(o => new { o.DistrictId, o.Key }).IsUnique();
        b.HasIndex(o => new { o.FulfilledOn, o.DistrictId });
        b.HasOne<Districts.District>().WithMany().HasForeignKey(o => o.DistrictId);
    }
}
