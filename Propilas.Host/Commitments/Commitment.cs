using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Propilas.Rules.Facts;

namespace Propilas.Host.Commitments;

/// <summary>
/// What a party committed to in the institutional arrangements stage. The municipality's annual investment commitment
/// carries the years it covers (<see cref="FirstYear"/>..<see cref="LastYear"/>) and <see cref="Amount"/> is then what it
/// commits for each of those years.
/// </summary>
public sealed class Commitment
{
    public int Id { get; set; }
    public int DistrictId { get; set; }
    public required string Party { get; set; }
    public bool IsMunicipality { get; set; }
    public required string What { get; set; }
    /// <summary>Soles, when the commitment is money.</summary>
    public decimal? Amount { get; set; }
    public int? FirstYear { get; set; }
    public int? LastYear { get; set; }
    public DateOnly DueOn { get; set; }
    public CommitmentStatus Status { get; set; }
    public string? Evidence { get; set; }
    public DateOnly? FulfilledOn { get; set; }
    public string? CancelReason { get; set; }
    public int Version { get; set; }

    public bool IsAnnualInvestment => IsMunicipality && Amount is not null && FirstYear is not null && LastYear is not null;

    /// <summary>What it commits for <paramref name="year"/> towards the municipal share of the investment plan (a cancelled one, nothing).</summary>
    public decimal AmountFor(int year) =>
        IsAnnualInvestment && Status != CommitmentStatus.Cancelled && year >= FirstYear && year <= LastYear ? Amount!.Value : 0m;

    public int DaysOverdue(DateOnly today) => Math.Max(0, today.DayNumber - DueOn.DayNumber);

    /// <summary>Days left until the due date; 0 on or after it.</summary>
    public int DaysUntilDue(DateOnly today) => Math.Max(0, DueOn.DayNumber - today.DayNumber);
}

public sealed class CommitmentConfiguration : IEntityTypeConfiguration<Commitment>
{
    public void Configure(EntityTypeBuilder<Commitment> b)
    {
        b.ToTable("Commitments");
        b.Property(c => c.Party).HasMaxLength(200);
        b.Property(c => c.What).HasMaxLength(500);
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.Evidence).HasMaxLength(1000);
        b.Property(c => c.CancelReason).HasMaxLength(500);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasIndex(c => new { c.DistrictId, c.Status });
        b.HasOne<Districts.District>().WithMany().HasForeignKey(c => c.DistrictId);
    }
}
