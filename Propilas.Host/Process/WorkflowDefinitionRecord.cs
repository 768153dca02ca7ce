using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Propilas.Host.Process;

/// <summary>A published definition version, kept verbatim so running instances keep it when its file changes.</summary>
public sealed class WorkflowDefinitionRecord
{
    public required string DefinitionId { get; set; }
    public int Version { get; set; }
    public required string Json { get; set; }
    public DateTimeOffset PublishedAt { get; set; }
}

public sealed class WorkflowDefinitionRecordConfiguration : IEntityTypeConfiguration<WorkflowDefinitionRecord>
{
    public void Configure(EntityTypeBuilder<WorkflowDefinitionRecord> b)
    {
        b.ToTable("WorkflowDefinitions");
        b.HasKey(d => new { d.DefinitionId, d.Version });
        b.Property(d => d.DefinitionId).HasMaxLength(100);
    }
}
