using Propilas.Rules.Calculations;

namespace Propilas.Rules.Tests.Calculations;

public class TariffCalculatorTests
{
    private readonly TariffCalculator _calculator = new(TariffSchedule.LoadDefault());

    [Theory]
    [InlineData(1, 250)]
    [InlineData(8, 250)]
    [InlineData(9, 350)]
    [InlineData(12, 350)]
    [InlineData(13, 550)]
    [InlineData(17, 550)]
    [InlineData(18, 750)]
    [InlineData(22, 750)]
    [InlineData(23, 950)]
    public void Residential_charge_steps_at_the_unit_boundaries(int units, int expectedCharge)
    {
        // domestic-lavatory weighs one unit, so n lavatories are n units.
        var result = _calculator.Calculate(WaterUse.Residential, new Dictionary<string, int> { ["domestic-lavatory"] = units });

        Assert.Equal(units, result.TotalUnits);
        Assert.Equal(expectedCharge, result.MonthlyCharge);
    }

    [Fact]
    public void Units_of_a_typical_house_add_up_by_fixture_weight()
    {
        var house = new Dictionary<string, int>
        {
            ["domestic-water-sealed-toilet"] = 1, // 3
            ["domestic-shower"] = 1,              // 1
            ["kitchen-faucet"] = 1,               // 2
            ["patio-faucet-with-others"] = 2,     // 2
            ["domestic-laundry-faucet"] = 1,      // 3
        };

        var result = _calculator.Calculate(WaterUse.Residential, house);

        Assert.Equal(11, result.TotalUnits);
        Assert.Equal(350m, result.MonthlyCharge);
    }

    [Theory]
    [InlineData(8, 250, 375)]
    [InlineData(12, 350, 525)]
    [InlineData(13, 550, 825)]
    [InlineData(18, 750, 1125)]
    public void Commercial_users_pay_half_as_much_again(int units, int residential, int commercial)
    {
        var result = _calculator.Calculate(WaterUse.Commercial, new Dictionary<string, int> { ["domestic-lavatory"] = units });

        Assert.Equal(WaterUse.Commercial, result.Use);
        Assert.Equal(residential, result.ResidentialCharge);
        Assert.Equal(commercial, result.MonthlyCharge);
    }

    [Fact]
    public void Restaurant_is_billed_commercially_on_its_fixtures()
    {
        var restaurant = new Dictionary<string, int>
        {
            ["restaurant-kitchen-faucet"] = 2, // 8
            ["flush-toilet"] = 1,              // 10
            ["public-lavatory"] = 1,           // 2
        };

        var result = _calculator.Calculate(WaterUse.Commercial, restaurant);

        Assert.Equal(20, result.TotalUnits);
        Assert.Equal(750m, result.ResidentialCharge);
        Assert.Equal(1125m, result.MonthlyCharge);
    }

    [Fact]
    public void No_fixtures_still_pays_the_fixed_charge()
    {
        var none = _calculator.Calculate(WaterUse.Residential, new Dictionary<string, int>());
        var zeroCounts = _calculator.Calculate(WaterUse.Residential, new Dictionary<string, int> { ["tub"] = 0 });

        Assert.Equal(0, none.TotalUnits);
        Assert.Equal(250m, none.MonthlyCharge);
        Assert.Equal(0, zeroCounts.TotalUnits);
        Assert.Equal(250m, zeroCounts.MonthlyCharge);
    }

    [Fact]
    public void Unknown_fixture_is_rejected_by_name()
    {
        var fixtures = new Dictionary<string, int> { ["kitchen-faucet"] = 1, ["bidet"] = 1 };

        var error = Assert.Throws<CalculationInputException>(() => _calculator.Calculate(WaterUse.Residential, fixtures));

        Assert.Equal("fixtures.bidet", Assert.Single(error.Errors).Field);
        Assert.Contains("'bidet'", error.Message);
    }

    [Fact]
    public void Fixture_ids_are_case_sensitive()
    {
        var fixtures = new Dictionary<string, int> { ["Kitchen-Faucet"] = 1 };

        var error = Assert.Throws<CalculationInputException>(() => _calculator.Calculate(WaterUse.Residential, fixtures));

        Assert.Contains("'Kitchen-Faucet'", error.Message);
    }

    [Fact]
    public void Negative_count_is_rejected()
    {
        var fixtures = new Dictionary<string, int> { ["tub"] = -1 };

        var error = Assert.Throws<CalculationInputException>(() => _calculator.Calculate(WaterUse.Residential, fixtures));

        Assert.Equal("fixtures.tub", Assert.Single(error.Errors).Field);
        Assert.Contains("negative", error.Message);
    }

    [Fact]
    public void Undefined_use_is_rejected()
    {
        var error = Assert.Throws<CalculationInputException>(
            () => _calculator.Calculate((WaterUse)7, new Dictionary<string, int>()));

        Assert.Equal("use", Assert.Single(error.Errors).Field);
    }
}
