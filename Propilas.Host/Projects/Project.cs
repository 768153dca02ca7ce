using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Propilas.Host.Districts;

namespace Propilas.Host.Projects;

/// <summary>
/// An instance of a definition other than the district's planning process, run under a district (e.g. a community
/// water project). <see cref="Number"/> counts the district's projects from 1; the instance's subject is
/// <c>project:&lt;slug&gt;:&lt;number&gt;</c>.
/// </summary>
public sealed class Project
{
    public int Id { get; set; }
    public int DistrictId { get; set; }
    public int Number { get; set; }
    public required string Name { get; set; }
    public required string DefinitionId { get; set; }
    public required string Subject { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }

    public static string SubjectOf(DistrictSlug district, int number) => $"project:{district}:{number}";
}

public sealed class ProjectConfiguration : IEntityTypeConfiguration<Project>
{
    public void Configure(EntityTypeBuilder<Project> b)
    {
        b.ToTable("Projects");
        b.HasOne<District>().WithMany().HasForeignKey(p => p.DistrictId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(p => new { p.DistrictId, p.Number }).IsUnique();
        b.HasIndex(p => p.Subject).IsUnique();
        b.Property(p => p.Name).HasMaxLength(200);
        b.Property(p => p.DefinitionId).HasMaxLength(100);
        b.Property(p => p.Subject).HasMaxLength(200);
        b.Property(p => p.CreatedBy).HasMaxLength(256);
    }
}
