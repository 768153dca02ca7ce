using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Propilas.Rules.Facts;

namespace Propilas.Host.Invitations;

/// <summary>The events of the process stakeholders are invited to.</summary>
public enum WorkshopEvent
{
    MethodologyWorkshop,
    PlanningWorkshop1,
    PlanningWorkshop2,
}

public enum InvitationAnswer
{
    Pending,
    Accepted,
    Declined,
}

/// <summary>An invitation the municipality (usually its delegated alderman) sent to a stakeholder, with the answer and attendance.</summary>
public sealed class Invitation
{
    public int Id { get; set; }
    public int DistrictId { get; set; }
    public required string Organisation { get; set; }
    public Sector Sector { get; set; }
    public CommunityOrganisationKind? CommunityOrganisationKind { get; set; }
    /// <summary>Who to reach there and how: a name, a post, a phone.</summary>
    public string? Contact { get; set; }
    public WorkshopEvent Event { get; set; }
    public DateOnly InvitedOn { get; set; }
    /// <summary>Who signed or delivered the invitation (a person or post, not necessarily the one recording it).</summary>
    public required string InvitedBy { get; set; }
    public InvitationAnswer Answer { get; set; }
    public DateOnly? AnsweredOn { get; set; }
    /// <summary>Null until attendance is recorded.</summary>
    public bool? Attended { get; set; }
    public int Version { get; set; }

    public static InvitationEvent FactEvent(WorkshopEvent e) =>
        e == WorkshopEvent.MethodologyWorkshop ? InvitationEvent.MethodologyWorkshop : InvitationEvent.PlanningWorkshop;
}

public sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> b)
    {
        b.ToTable("Invitations");
        b.Property(i => i.Organisation).HasMaxLength(200);
        b.Property(i => i.Sector).HasConversion<string>().HasMaxLength(40);
        b.Property(i => i.CommunityOrganisationKind).HasConversion<string>().HasMaxLength(40);
        b.Property(i => i.Contact).HasMaxLength(200);
        b.Property(i => i.Event).HasConversion<string>().HasMaxLength(40);
        b.Property(i => i.InvitedBy).HasMaxLength(200);
        b.Property(i => i.Answer).HasConversion<string>().HasMaxLength(20);
        b.Property(i => i.Version).IsConcurrencyToken();
        b.HasIndex(i => new { i.DistrictId, i.Answer });
        b.HasOne<Districts.District>().WithMany().HasForeignKey(i => i.DistrictId);
    }
}
