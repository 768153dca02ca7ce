using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Propilas.Rules.Facts;

namespace Propilas.Host.Committee;

/// <summary>A member of the district's inter-institutional support committee for W&amp;S management.</summary>
public sealed class CommitteeMember
{
    public int Id { get; set; }
    public int DistrictId { get; set; }
    public required string Name { get; set; }
    public required string Organisation { get; set; }
    public Sector Sector { get; set; }
    public CommunityOrganisationKind? CommunityOrganisationKind { get; set; }
    /// <summary>Role in the committee, e.g. presidente, secretaria, vocal.</summary>
    public required string Role { get; set; }
    public int Version { get; set; }
}

public sealed class CommitteeMemberConfiguration : IEntityTypeConfiguration<CommitteeMember>
{
    public void Configure(EntityTypeBuilder<CommitteeMember> b)
    {
        b.ToTable("CommitteeMembers");
        b.Property(m => m.Name).HasMaxLength(200);
        b.Property(m => m.Organisation).HasMaxLength(200);
        b.Property(m => m.Sector).HasConversion<string>().HasMaxLength(40);
        b.Property(m => m.CommunityOrganisationKind).HasConversion<string>().HasMaxLength(40);
        b.Property(m => m.Role).HasMaxLength(120);
        b.Property(m => m.Version).IsConcurrencyToken();
        b.HasIndex(m => m.DistrictId);
        b.HasOne<Districts.District>().WithMany().HasForeignKey(m => m.DistrictId);
    }
}
