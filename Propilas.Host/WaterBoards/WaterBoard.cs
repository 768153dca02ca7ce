using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Propilas.Host.WaterBoards;

/// <summary>
/// A water board (JASS) of a district and the facts the municipality follows up: organisation, AOM, water quality and
/// finances. Loan and fund figures are as last recorded (by the ATM on a visit, or an update).
/// </summary>
public sealed class WaterBoard
{
    public int Id { get; set; }
    public int DistrictId { get; set; }
    /// <summary>The board's own name, without "JASS" (messages and pages add it), e.g. "Ichuhuasi sector Alto".</summary>
    public required string Name { get; set; }
    public required string Locality { get; set; }
    /// <summary>The water system the board runs, as the diagnosis names it (e.g. "SAP Ichuhuasi sector Alto").</summary>
    public required string WaterSystem { get; set; }

    public bool LegallyConstituted { get; set; }
    public bool AomTrained { get; set; }
    public bool HasOmPlan { get; set; }
    public bool Chlorinates { get; set; }
    public DateOnly? LastTariffReviewOn { get; set; }

    /// <summary>Monthly loan installment, in soles; 0 when the board has no loan.</summary>
    public decimal LoanInstallmentAmount { get; set; }
    public int LoanInstallmentsDue { get; set; }
    public int LoanInstallmentsPaid { get; set; }

    public bool HasReplacementFund { get; set; }
    /// <summary>First day of the month of the last deposit to the replacement fund; null when none was made.</summary>
    public DateOnly? LastReplacementDepositMonth { get; set; }

    public decimal AnnualTariffRevenue { get; set; }
    public decimal AnnualOmCost { get; set; }
    public decimal AnnualDebtService { get; set; }
    public decimal AnnualReplacementProvision { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }
}

public sealed class WaterBoardConfiguration : IEntityTypeConfiguration<WaterBoard>
{
    public void Configure(EntityTypeBuilder<WaterBoard> b)
    {
        b.ToTable("WaterBoards");
        b.Property(w => w.Name).HasMaxLength(WaterBoardChanges.MaxName);
        b.Property(w => w.Locality).HasMaxLength(WaterBoardChanges.MaxName);
        b.Property(w => w.WaterSystem).HasMaxLength(WaterBoardChanges.MaxName);
        b.Property(w => w.Version).IsConcurrencyToken();
        b.HasIndex(w => new { w.DistrictId, w.Name });
        b.HasOne<Districts.District>().WithMany().HasForeignKey(w => w.DistrictId);
    }
}
