using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Propilas.Host.Common;
using Propilas.Host.Districts;

namespace Propilas.Host.InvestmentPlans;

/// <summary>
/// The investment plan a district's <c>investment-plan</c> step was completed with: the inputs, the parameters and the
/// computed columns, as they were at that moment. Written in the same transaction as the step, linked to its audit event.
/// </summary>
public sealed class RecordedInvestmentPlan
{
    public int Id { get; set; }
    public int DistrictId { get; set; }
    public Guid InstanceId { get; set; }
    public long AuditEventId { get; set; }
    public AuditEvent? AuditEvent { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public required string RecordedBy { get; set; }

    /// <summary>JSON of the inputs, the parameters in force and the plan as shown (InvestmentPlanResult).</summary>
    public required string Inputs { get; set; }
    public required string Parameters { get; set; }
    public required string Plan { get; set; }
}

public sealed class RecordedInvestmentPlanConfiguration : IEntityTypeConfiguration<RecordedInvestmentPlan>
{
    public void Configure(EntityTypeBuilder<RecordedInvestmentPlan> b)
    {
        b.ToTable("RecordedInvestmentPlans");
        b.HasOne<District>().WithMany().HasForeignKey(r => r.DistrictId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(r => r.AuditEvent).WithMany().HasForeignKey(r => r.AuditEventId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.DistrictId, r.Id });
        b.HasIndex(r => r.AuditEventId).IsUnique();
        b.Property(r => r.RecordedBy).HasMaxLength(256);
    }
}
