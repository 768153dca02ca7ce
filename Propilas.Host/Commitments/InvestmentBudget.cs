using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Propilas.Host.Commitments;

/// <summary>
/// A district's inputs to the W&amp;S investment plan (the pilots' are in <c>Seed/data/investment-inputs.csv</c>). The plan
/// assumes the base year's investment budget in each of its years, from <see cref="FirstPlanYear"/> on, and the municipality
/// commits a share of it every year.
/// </summary>
public sealed class InvestmentBudget
{
    public int Id { get; set; }
    public int DistrictId { get; set; }
    public int BaseYear { get; set; }
    /// <summary>Total municipal budget of the base year, soles.</summary>
    public decimal TotalBudget { get; set; }
    /// <summary>The part of it allocated to investment, soles a year.</summary>
    public decimal AnnualInvestmentBudget { get; set; }
    public int Population { get; set; }
    public decimal CoveragePct { get; set; }
    public int RehabilitationPopulation { get; set; }
    public int FirstPlanYear { get; set; }
    public int Version { get; set; }

    public IEnumerable<int> PlanYears(int years) => Enumerable.Range(FirstPlanYear, years);
}

public sealed class InvestmentBudgetConfiguration : IEntityTypeConfiguration<InvestmentBudget>
{
    public void Configure(EntityTypeBuilder<InvestmentBudget> b)
    {
        b.ToTable("InvestmentBudgets");
        b.HasIndex(x => x.DistrictId).IsUnique();
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Districts.District>().WithMany().HasForeignKey(x => x.DistrictId);
    }
}
