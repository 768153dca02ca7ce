using Propilas.Rules.Calculations;

namespace Propilas.Rules.Tests.Calculations;

public class TariffScheduleTests
{
    [Theory]
    [InlineData("domestic-lavatory", 1)]
    [InlineData("public-lavatory", 2)]
    [InlineData("domestic-water-sealed-toilet", 3)]
    [InlineData("public-water-sealed-toilet", 5)]
    [InlineData("flush-toilet", 10)]
    [InlineData("domestic-shower", 1)]
    [InlineData("public-shower", 1)]
    [InlineData("patio-faucet-only", 6)]
    [InlineData("patio-faucet-with-hose", 10)]
    [InlineData("patio-faucet-with-others", 1)]
    [InlineData("kitchen-faucet", 2)]
    [InlineData("restaurant-kitchen-faucet", 4)]
    [InlineData("public-urinal-with-valve", 3)]
    [InlineData("flushed-public-urinal", 6)]
    [InlineData("domestic-laundry-faucet", 3)]
    [InlineData("public-laundry-faucet", 6)]
    [InlineData("tub", 6)]
    public void Shipped_file_weighs_each_fixture(string id, int units)
    {
        var fixture = TariffSchedule.LoadDefault().Fixtures[id];

        Assert.Equal(units, fixture.Units);
        Assert.False(string.IsNullOrWhiteSpace(fixture.NameEs));
        Assert.False(string.IsNullOrWhiteSpace(fixture.NameEn));
    }

    [Fact]
    public void Shipped_file_has_the_charge_steps()
    {
        var schedule = TariffSchedule.LoadDefault();

        Assert.Equal(17, schedule.Fixtures.Count);
        Assert.Equal([new ChargeStep(8, 250m), new ChargeStep(12, 350m)], schedule.Steps);
        Assert.Equal(5, schedule.UnitsPerBlock);
        Assert.Equal(200m, schedule.ChargePerBlock);
        Assert.Equal(0.5m, schedule.CommercialSurcharge);
        Assert.Equal("PYG", schedule.Currency);
    }

    private const string ValidJson = """
        {
          "currency": "PYG",
          "fixtures": [
            { "id": "kitchen-faucet", "units": 2, "nameEs": "Canilla de cocina", "nameEn": "Kitchen faucet" },
            { "id": "tub", "units": 6, "nameEs": "Bañera", "nameEn": "Tub" }
          ],
          "residentialCharge": {
            "steps": [ { "upToUnits": 8, "charge": 250 }, { "upToUnits": 12, "charge": 350 } ],
            "beyondLastStep": { "unitsPerBlock": 5, "chargePerBlock": 200 }
          },
          "commercialSurcharge": 0.5
        }
        """;

    [Fact]
    public void Valid_file_loads()
    {
        using var file = new TempRuleFile(ValidJson);

        Assert.Equal(2, TariffSchedule.Load(file.Path).Fixtures.Count);
    }

    [Theory]
    [InlineData("\"id\": \"tub\"", "\"id\": \"kitchen-faucet\"", "$.fixtures[1].id")]
    [InlineData("\"id\": \"tub\"", "\"id\": \"Tub_Big\"", "$.fixtures[1].id")]
    [InlineData("\"units\": 6", "\"units\": 0", "$.fixtures[1].units")]
    [InlineData("\"units\": 6", "\"units\": 6.5", "$.fixtures[1].units")]
    [InlineData(", \"nameEn\": \"Tub\"", "", "$.fixtures[1].nameEn")]
    [InlineData("\"upToUnits\": 12", "\"upToUnits\": 8", "$.residentialCharge.steps[1].upToUnits")]
    [InlineData("\"charge\": 350", "\"charge\": 200", "$.residentialCharge.steps[1].charge")]
    [InlineData("\"unitsPerBlock\": 5", "\"unitsPerBlock\": 0", "$.residentialCharge.beyondLastStep.unitsPerBlock")]
    [InlineData("\"commercialSurcharge\": 0.5", "\"commercialSurcharge\": \"50%\"", "$.commercialSurcharge")]
    [InlineData("\"residentialCharge\"", "\"residential\"", "$.residentialCharge")]
    public void Bad_file_names_the_file_and_the_path(string original, string replacement, string jsonPath)
    {
        using var file = new TempRuleFile(ValidJson.Replace(original, replacement));

        var error = Assert.Throws<RuleFileException>(() => TariffSchedule.Load(file.Path));

        Assert.Equal(jsonPath, error.JsonPath);
        Assert.Equal(file.Path, error.FilePath);
        Assert.Contains(file.Path, error.Message);
    }
}
