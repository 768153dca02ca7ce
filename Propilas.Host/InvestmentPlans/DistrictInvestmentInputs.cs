using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Propilas.Host.Calculations;
using Propilas.Host.Districts;
using Propilas.Host.Planning;
using Propilas.Host.Common;

namespace Propilas.Host.InvestmentPlans;

/// <summary>
/// A district's inputs to its W&amp;S investment plan (base-year budget, population, coverage, population to rehabilitate)
/// and the plan parameters it chose; a parameter left null takes its value from workflows/rules/investment-plan.json.
/// </summary>
public sealed class DistrictInvestmentInputs
{
    public int Id { get; set; }
    public int DistrictId { get; set; }

    public decimal TotalBudget { get; set; }
    public decimal InvestmentBudget { get; set; }
    public int Population { get; set; }
    public decimal CoveragePct { get; set; }
    public int RehabilitationPopulation { get; set; }

    public decimal? CoverageDeficitReduction { get; set; }
    public decimal? NewSystemCostPerCapitaUsd { get; set; }
    public decimal? RehabilitationCostPerCapitaUsd { get; set; }
    public decimal? ExchangeRateSolesPerUsd { get; set; }
    public decimal? MunicipalShare { get; set; }
    public int? Years { get; set; }
    public decimal? CommunityShare { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
    public required string UpdatedBy { get; set; }

    /// <summary>Bumped by every edit; an edit made from an older version is stale.</summary>
    public int Version { get; set; }

    public InvestmentPlanParametersRequest ParameterOverrides => new(CoverageDeficitReduction.Plain(), NewSystemCostPerCapitaUsd.Plain(),
        RehabilitationCostPerCapitaUsd.Plain(), ExchangeRateSolesPerUsd.Plain(), MunicipalShare.Plain(), Years, CommunityShare.Plain());

    public void SetParameterOverrides(InvestmentPlanParametersRequest? p)
    {
        CoverageDeficitReduction = p?.CoverageDeficitReduction;
        NewSystemCostPerCapitaUsd = p?.NewSystemCostPerCapitaUsd;
        RehabilitationCostPerCapitaUsd = p?.RehabilitationCostPerCapitaUsd;
        ExchangeRateSolesPerUsd = p?.ExchangeRateSolesPerUsd;
        MunicipalShare = p?.MunicipalShare;
        Years = p?.Years;
        CommunityShare = p?.CommunityShare;
    }
}

public sealed class DistrictInvestmentInputsConfiguration : IEntityTypeConfiguration<DistrictInvestmentInputs>
{
    public void Configure(EntityTypeBuilder<DistrictInvestmentInputs> b)
    {
        b.ToTable("DistrictInvestmentInputs");
        b.HasOne<District>().WithMany().HasForeignKey(i => i.DistrictId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(i => i.DistrictId).IsUnique();
        b.Property(i => i.UpdatedBy).HasMaxLength(256);
        b.Property(i => i.Version).IsConcurrencyToken();
        b.Ignore(i => i.ParameterOverrides);
    }
}
