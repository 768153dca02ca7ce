using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Propilas.Host.Process;

/// <summary>A workflow instance as stored: key columns for lookups, the stage and step states as one JSON document.</summary>
public sealed class WorkflowInstanceRecord
{
    public Guid Id { get; set; }
    public required string DefinitionId { get; set; }
    public int DefinitionVersion { get; set; }
    public required string Subject { get; set; }
    public required string Status { get; set; }

    /// <summary>Id of the active stage, or null when completed; kept as a column so portfolio views need not read the state.</summary>
    public string? ActiveStage { get; set; }
    public required string State { get; set; }
    public int Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
}

public sealed class WorkflowInstanceRecordConfiguration : IEntityTypeConfiguration<WorkflowInstanceRecord>
{
    public void Configure(EntityTypeBuilder<WorkflowInstanceRecord> b)
    {
        b.ToTable("WorkflowInstances");
        b.HasIndex(i => new { i.Subject, i.DefinitionId }).IsUnique();
        b.Property(i => i.DefinitionId).HasMaxLength(100);
        b.Property(i => i.Subject).HasMaxLength(200);
        b.Property(i => i.Status).HasMaxLength(20);
        b.Property(i => i.ActiveStage).HasMaxLength(100);
        b.Property(i => i.Version).IsConcurrencyToken();
    }
}
