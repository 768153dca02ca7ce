using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Propilas.Host.Accounts;

namespace Propilas.Host.Notifications;

public enum OutboxStatus
{
    /// <summary>An alert that waits for the person's daily digest.</summary>
    Queued,
    /// <summary>To be delivered (again, after an error, at <see cref="OutboxMessage.NextAttemptAt"/>).</summary>
    Pending,
    Sent,
    /// <summary>Gave up after <see cref="OutboxDelivery.MaxAttempts"/>; the coordinator may send it again.</summary>
    Failed,
    /// <summary>A queued alert that went out in a digest (<see cref="OutboxMessage.DigestId"/>).</summary>
    InDigest,
    /// <summary>Not sent: the account was disabled or its address emptied before it went.</summary>
    Skipped,
}

public static class MessageKinds
{
    public const string Alert = "alert";
    public const string Digest = "digest";
}

/// <summary>
/// One message to one person, written in the transaction of the change that caused it and delivered later by
/// <see cref="OutboxDelivery"/>. (Person, kind, subject, day) is unique: a doubled pass or job never writes, so never
/// sends, the same message twice on a day.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public required string Kind { get; set; }

    /// <summary>What it is about: for an alert its rule and subject (<c>obligation.overdue obligation:12</c>); for a digest "digest".</summary>
    public required string Subject { get; set; }

    /// <summary>The day in Peru it was written for (America/Lima).</summary>
    public DateOnly Day { get; set; }

    public int? DistrictId { get; set; }
    public required string Severity { get; set; }
    public required string To { get; set; }
    public required string Language { get; set; }
    public required string Title { get; set; }
    public required string Body { get; set; }
    public OutboxStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? LastError { get; set; }

    /// <summary>For an alert that went out in a digest: that digest.</summary>
    public long? DigestId { get; set; }
}

public sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("Outbox");
        b.Property(m => m.Kind).HasMaxLength(20);
        b.Property(m => m.Subject).HasMaxLength(320);
        b.Property(m => m.Severity).HasMaxLength(20);
        b.Property(m => m.To).HasMaxLength(256);
        b.Property(m => m.Language).HasMaxLength(5);
        b.Property(m => m.Title).HasMaxLength(400);
        b.Property(m => m.LastError).HasMaxLength(1000);
        b.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(m => new { m.UserId, m.Kind, m.Subject, m.Day }).IsUnique();
        b.HasIndex(m => new { m.Status, m.NextAttemptAt });
        b.HasOne<AppUser>().WithMany().HasForeignKey(m => m.UserId);
        b.HasOne<Districts.District>().WithMany().HasForeignKey(m => m.DistrictId);
    }
}

public sealed class AppUserContactConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.Property(u => u.FullName).HasMaxLength(120);
        b.Property(u => u.Position).HasMaxLength(120);
        b.Property(u => u.Language).HasMaxLength(5).HasDefaultValue("es");
        b.Property(u => u.DigestOff).HasMaxLength(400);
    }
}
