using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Propilas.Host.WaterBoards;

/// <summary>A municipal follow-up visit to a water board, with what was found and the facts it corrected.</summary>
public sealed class WaterBoardVisit
{
    public long Id { get; set; }
    public int WaterBoardId { get; set; }
    /// <summary>The board's district, kept here so a district's last visits are read without a join.</summary>
    public int DistrictId { get; set; }
    public DateOnly VisitedOn { get; set; }
    /// <summary>Who visited (a technician's name, or the account that recorded it).</summary>
    public required string VisitedBy { get; set; }
    public required string Findings { get; set; }
    /// <summary>The board facts the visit changed, as JSON <c>{ field: value }</c>; null when it changed none.</summary>
    public string? FactsObserved { get; set; }
    public required string RecordedBy { get; set; }
    public required string RecordedRole { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

public sealed class WaterBoardVisitConfiguration : IEntityTypeConfiguration<WaterBoardVisit>
{
    public void Configure(EntityTypeBuilder<WaterBoardVisit> b)
    {
        b.ToTable("WaterBoardVisits");
        b.Property(v => v.VisitedBy).HasMaxLength(200);
        b.Property(v => v.Findings).HasMaxLength(4000);
        b.Property(v => v.RecordedBy).HasMaxLength(256);
        b.Property(v => v.RecordedRole).HasMaxLength(40);
        // Serves "last visit per board" for one district and, scanned whole, for the full pass.
        b.HasIndex(v => new { v.DistrictId, v.WaterBoardId, v.VisitedOn });
        b.HasIndex(v => new { v.WaterBoardId, v.VisitedOn });
        b.HasOne<WaterBoard>().WithMany().HasForeignKey(v => v.WaterBoardId);
        b.HasOne<Districts.District>().WithMany().HasForeignKey(v => v.DistrictId);
    }
}
