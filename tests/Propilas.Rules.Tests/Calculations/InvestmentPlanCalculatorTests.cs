using Propilas.Rules.Calculations;

namespace Propilas.Rules.Tests.Calculations;

public class InvestmentPlanCalculatorTests
{
    private static readonly InvestmentPlanParameters Defaults = InvestmentPlanParametersFile.LoadDefault();

    private static readonly InvestmentPlanInput SanJuan = new("San Juan", 3_618_342m, 3_245_144m, 6_886, 68m, 2_822);

    private static readonly InvestmentPlanInput[] PilotDistricts =
    [
        SanJuan,
        new("Llacanora", 4_219_523m, 3_642_852m, 11_369, 60m, 5_005),
        new("Miguel Iglesias", 1_798_805m, 942_409m, 7_073, 41m, 2_629),
        new("Utco", 484_978m, 333_140m, 2_591, 57m, 583),
        new("Tacabamba", 3_747_836m, 2_581_330m, 38_924, 49m, 18_150),
        new("Lajas", 3_268_634m, 2_325_450m, 24_800, 48m, 11_869),
    ];

    [Fact]
    public void San_Juan_worked_example_reproduces_to_the_sol()
    {
        var plan = InvestmentPlanCalculator.Calculate(SanJuan, Defaults);

        Assert.Equal("San Juan", plan.District);
        Assert.Equal(3_618_342m, plan.TotalBudget);
        Assert.Equal(3_245_144m, plan.InvestmentBudget);
        Assert.Equal(89.7m, plan.InvestmentSharePct);
        Assert.Equal(6_886, plan.Population);
        Assert.Equal(68.0m, plan.CoveragePct);
        Assert.Equal(76.0m, plan.CoverageGoalPct);
        Assert.Equal(8.0m, plan.CoverageGapPct);
        Assert.Equal(551, plan.NewSystemsPopulation);
        Assert.Equal(327_815m, plan.NewSystemsInvestment);
        Assert.Equal(2_822, plan.RehabilitationPopulation);
        Assert.Equal(41.0m, plan.RehabilitationPct);
        Assert.Equal(642_280m, plan.RehabilitationInvestment);
        Assert.Equal(970_095m, plan.TotalInvestment);
        Assert.Equal(1_622_572m, plan.MunicipalCommitment);
        Assert.Equal(194_019m, plan.CommunityCofinancing);
        Assert.Equal(846_496m, plan.Balance);
        Assert.Equal(4.8m, plan.MunicipalSharePctToBreakEven);
    }

    [Fact]
    public void New_systems_investment_prices_the_unrounded_population()
    {
        var figures = InvestmentPlanCalculator.Compute(SanJuan, Defaults);

        Assert.Equal(550.88m, figures.NewSystemsPopulation);
        // 550.88 x 183.10 x 3.25 = 327,814.92; pricing the rounded 551 persons would give 327,886.
        Assert.Equal(327_814.91600m, figures.NewSystemsInvestment);
    }

    // Expected rows computed independently (Python decimal) from the district inputs and default parameters.
    [Theory]
    [InlineData("San Juan", 551, 327_815, 642_280, 970_095, 1_622_572, 194_019, 846_496, "4.8")]
    [InlineData("Llacanora", 1_137, 676_541, 1_139_125, 1_815_666, 1_821_426, 363_133, 368_893, "8.0")]
    [InlineData("Miguel Iglesias", 1_043, 620_822, 598_354, 1_219_176, 471_205, 243_835, -504_136, "20.7")]
    [InlineData("Utco", 279, 165_748, 132_689, 298_437, 166_570, 59_687, -72_180, "14.3")]
    [InlineData("Tacabamba", 4_963, 2_953_244, 4_130_895, 7_084_139, 1_290_665, 1_416_828, -4_376_646, "43.9")]
    [InlineData("Lajas", 3_224, 1_918_522, 2_701_355, 4_619_877, 1_162_725, 923_975, -2_533_176, "31.8")]
    public void Each_pilot_district_is_computed(
        string district, int newPopulation, int newInvestment, int rehabilitation, int total,
        int municipal, int community, int balance, string breakEvenPct)
    {
        var plan = InvestmentPlanCalculator.Calculate(PilotDistricts.Single(d => d.District == district), Defaults);

        Assert.Equal(newPopulation, plan.NewSystemsPopulation);
        Assert.Equal(newInvestment, plan.NewSystemsInvestment);
        Assert.Equal(rehabilitation, plan.RehabilitationInvestment);
        Assert.Equal(total, plan.TotalInvestment);
        Assert.Equal(municipal, plan.MunicipalCommitment);
        Assert.Equal(community, plan.CommunityCofinancing);
        Assert.Equal(balance, plan.Balance);
        Assert.Equal(decimal.Parse(breakEvenPct, System.Globalization.CultureInfo.InvariantCulture), plan.MunicipalSharePctToBreakEven);
    }

    [Fact]
    public void Only_San_Juan_and_Llacanora_can_cover_their_plans()
    {
        var covered = PilotDistricts
            .Select(d => InvestmentPlanCalculator.Calculate(d, Defaults))
            .Where(plan => plan.Balance >= 0)
            .Select(plan => plan.District);

        Assert.Equal(["San Juan", "Llacanora"], covered);
    }

    [Fact]
    public void Higher_deficit_reduction_widens_the_gap_and_the_investment()
    {
        var baseline = InvestmentPlanCalculator.Compute(SanJuan, Defaults);
        var ambitious = InvestmentPlanCalculator.Compute(SanJuan, Defaults with { CoverageDeficitReduction = 0.50m });

        Assert.True(ambitious.CoverageGapPct > baseline.CoverageGapPct);
        Assert.Equal(84m, ambitious.CoverageGoalPct); // 68 + 0.50 x 32
        Assert.True(ambitious.NewSystemsInvestment > baseline.NewSystemsInvestment);
        Assert.True(ambitious.TotalInvestment > baseline.TotalInvestment);
        Assert.True(ambitious.Balance < baseline.Balance);
    }

    [Fact]
    public void Higher_municipal_share_enlarges_the_commitment_and_the_balance()
    {
        var baseline = InvestmentPlanCalculator.Compute(SanJuan, Defaults);
        var generous = InvestmentPlanCalculator.Compute(SanJuan, Defaults with { MunicipalShare = 0.15m });

        Assert.Equal(baseline.MunicipalCommitment * 1.5m, generous.MunicipalCommitment);
        Assert.True(generous.Balance > baseline.Balance);
        Assert.Equal(baseline.TotalInvestment, generous.TotalInvestment);
    }

    [Theory]
    [InlineData("San Juan")]
    [InlineData("Tacabamba")]
    [InlineData("Utco")]
    public void Break_even_share_fed_back_zeroes_the_balance(string district)
    {
        var input = PilotDistricts.Single(d => d.District == district);
        var share = InvestmentPlanCalculator.Compute(input, Defaults).MunicipalSharePctToBreakEven!.Value / 100m;

        var atBreakEven = InvestmentPlanCalculator.Compute(input, Defaults with { MunicipalShare = share });

        Assert.True(Math.Abs(atBreakEven.Balance) < 0.000001m, $"balance was {atBreakEven.Balance}");
        Assert.Equal(0m, InvestmentPlanResult.From(atBreakEven).Balance);
    }

    [Fact]
    public void Zero_investment_budget_has_no_break_even_share()
    {
        var plan = InvestmentPlanCalculator.Calculate(SanJuan with { InvestmentBudget = 0m }, Defaults);

        Assert.Null(plan.MunicipalSharePctToBreakEven);
        Assert.Equal(0m, plan.MunicipalCommitment);
    }

    [Fact]
    public void Full_coverage_needs_no_new_systems()
    {
        var plan = InvestmentPlanCalculator.Calculate(SanJuan with { CoveragePct = 100m }, Defaults);

        Assert.Equal(100m, plan.CoverageGoalPct);
        Assert.Equal(0, plan.NewSystemsPopulation);
        Assert.Equal(642_280m, plan.TotalInvestment);
    }

    public static TheoryData<InvestmentPlanInput, string> InvalidInputs => new()
    {
        { SanJuan with { District = " " }, "district" },
        { SanJuan with { TotalBudget = 0m }, "totalBudget" },
        { SanJuan with { InvestmentBudget = -1m }, "investmentBudget" },
        { SanJuan with { InvestmentBudget = 3_618_343m }, "investmentBudget" },
        { SanJuan with { Population = 0 }, "population" },
        { SanJuan with { CoveragePct = -0.1m }, "coveragePct" },
        { SanJuan with { CoveragePct = 100.1m }, "coveragePct" },
        { SanJuan with { RehabilitationPopulation = 6_887 }, "rehabilitationPopulation" },
        { SanJuan with { RehabilitationPopulation = -1 }, "rehabilitationPopulation" },
    };

    [Theory]
    [MemberData(nameof(InvalidInputs))]
    public void Invalid_input_is_rejected_naming_the_field(InvestmentPlanInput input, string field)
    {
        var error = Assert.Throws<CalculationInputException>(() => InvestmentPlanCalculator.Calculate(input, Defaults));

        Assert.Equal(field, Assert.Single(error.Errors).Field);
        Assert.Contains(field, error.Message);
        AssertSpanishAsWell(Assert.Single(error.Errors));
    }

    [Fact]
    public void An_error_gives_the_values_in_Spanish_for_the_pages_and_in_English_for_the_API()
    {
        var error = Assert.Single(Assert.Throws<CalculationInputException>(() =>
            InvestmentPlanCalculator.Calculate(SanJuan with { RehabilitationPopulation = 7_000 }, Defaults)).Errors);

        Assert.Equal("No puede superar la población (7000 > 6886).", error.Text.Es);
        Assert.Equal("must not exceed population (7000 > 6886)", error.Message);
    }

    // A message written in English only would show in English on the Spanish pages.
    private static void AssertSpanishAsWell(InputError error)
    {
        Assert.NotEqual(error.Text.En, error.Text.Es);
        Assert.DoesNotContain("must", error.Text.Es);
    }

    public static TheoryData<InvestmentPlanParameters, string> InvalidParameters => new()
    {
        { Defaults with { CoverageDeficitReduction = 1.1m }, "coverageDeficitReduction" },
        { Defaults with { NewSystemCostPerCapitaUsd = -183.10m }, "newSystemCostPerCapitaUsd" },
        { Defaults with { RehabilitationCostPerCapitaUsd = -1m }, "rehabilitationCostPerCapitaUsd" },
        { Defaults with { ExchangeRateSolesPerUsd = 0m }, "exchangeRateSolesPerUsd" },
        { Defaults with { MunicipalShare = -0.1m }, "municipalShare" },
        { Defaults with { Years = 0 }, "years" },
        { Defaults with { CommunityShare = 1.2m }, "communityShare" },
    };

    [Theory]
    [MemberData(nameof(InvalidParameters))]
    public void Invalid_parameters_are_rejected_naming_the_field(InvestmentPlanParameters parameters, string field)
    {
        var error = Assert.Throws<CalculationInputException>(() => InvestmentPlanCalculator.Calculate(SanJuan, parameters));

        Assert.Equal(field, Assert.Single(error.Errors).Field);
        Assert.Contains(field, error.Message);    AssertSpanishAsWell(Assert.Single(error.Errors));
    }

    [Fact]
    public void Every_invalid_field_is_reported_at_once()
    {
        var input = SanJuan with { Population = -5, CoveragePct = 120m };

        var error = Assert.Throws<CalculationInputException>(() => InvestmentPlanCalculator.Calculate(input, Defaults));

        Assert.Equal(["population", "coveragePct"], error.Errors.Select(e => e.Field));
    }
}
