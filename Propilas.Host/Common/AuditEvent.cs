using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Propilas.Host.Common;

/// <summary>
/// One state change: who (and in which role), when, what, with which evidence, and the before/after.
/// Written in the same transaction as the change it records.
/// </summary>
public sealed class AuditEvent
{
    public long Id { get; set; }
    public required string Subject { get; set; }
    public Guid? InstanceId { get; set; }
    public required string Action { get; set; }
    public required string Target { get; set; }
    public required string By { get; set; }
    public required string Role { get; set; }
    public DateTimeOffset At { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
    public string? Evidence { get; set; }
    public string? Reason { get; set; }
}

public sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> b)
    {
        b.ToTable("AuditEvents");
        b.HasIndex(e => new { e.Subject, e.Id });
        b.Property(e => e.Subject).HasMaxLength(200);
        b.Property(e => e.Action).HasMaxLength(60);
        b.Property(e => e.Target).HasMaxLength(200);
        b.Property(e => e.By).HasMaxLength(256);
        b.Property(e => e.Role).HasMaxLength(40);
    }
}
