using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Propilas.Host.Alerts;

public enum AlertStatus { Open, Acknowledged, Resolved }

/// <summary>
/// A rule that holds for one subject (a water board, an invitation, a commitment...). At most one alert is
/// not resolved per rule and subject; it resolves itself when the rule stops holding.
/// </summary>
public sealed class Alert
{
    public long Id { get; set; }
    public int DistrictId { get; set; }
    public required string RuleId { get; set; }
    public required string Subject { get; set; }
    public required string Severity { get; set; }

    /// <summary>Roles that must act, comma-separated (e.g. <c>atm,coordinator,mayor</c>).</summary>
    public required string Notifies { get; set; }
    public bool Escalated { get; set; }
    public required string MessageEs { get; set; }
    public required string MessageEn { get; set; }

    /// <summary><see cref="AlertFingerprint"/> of what the alert shows; null on alerts stored before it existed (they update once).</summary>
    public string? Fingerprint { get; set; }
    public AlertStatus Status { get; set; }
    public DateTimeOffset RaisedAt { get; set; }
    public DateTimeOffset? EscalatedAt { get; set; }
    public DateTimeOffset? AcknowledgedAt { get; set; }
    public string? AcknowledgedBy { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public int Version { get; set; }

    public IReadOnlyList<string> NotifiedRoles => Notifies.Split(',', StringSplitOptions.RemoveEmptyEntries);
}

public sealed class AlertConfiguration : IEntityTypeConfiguration<Alert>
{
    public void Configure(EntityTypeBuilder<Alert> b)
    {
        b.ToTable("Alerts");
        b.Property(a => a.RuleId).HasMaxLength(100);
        b.Property(a => a.Subject).HasMaxLength(200);
        b.Property(a => a.Severity).HasMaxLength(20);
        b.Property(a => a.Notifies).HasMaxLength(200);
        b.Property(a => a.Fingerprint).HasMaxLength(24);
        b.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.Version).IsConcurrencyToken();
        // One live alert per rule and subject; resolved ones are history.
        b.HasIndex(a => new { a.RuleId, a.Subject }).IsUnique().HasFilter("\"Status\" <> 'Resolved'");
        b.HasIndex(a => new { a.DistrictId, a.Status });
        b.HasOne<Districts.District>().WithMany().HasForeignKey(a => a.DistrictId);
    }
}
