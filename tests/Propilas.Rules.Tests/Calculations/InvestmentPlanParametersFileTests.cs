using Propilas.Rules.Calculations;

namespace Propilas.Rules.Tests.Calculations;

public class InvestmentPlanParametersFileTests
{
    private const string ValidJson = """
        {
          "coverageDeficitReduction": 0.25,
          "newSystemCostPerCapitaUsd": 183.10,
          "rehabilitationCostPerCapitaUsd": 70.03,
          "exchangeRateSolesPerUsd": 3.25,
          "municipalShare": 0.10,
          "years": 5,
          "communityShare": 0.20
        }
        """;

    [Fact]
    public void Shipped_file_holds_the_plan_parameters_of_the_pilot_districts()
    {
        var parameters = InvestmentPlanParametersFile.LoadDefault();

        Assert.Equal(new InvestmentPlanParameters(0.25m, 183.10m, 70.03m, 3.25m, 0.10m, 5, 0.20m), parameters);
        Assert.Equal(595.075m, parameters.NewSystemCostPerCapitaSoles);
        Assert.Equal(227.5975m, parameters.RehabilitationCostPerCapitaSoles);
    }

    [Fact]
    public void Missing_file_names_the_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-such-{Guid.NewGuid():N}.json");

        var error = Assert.Throws<RuleFileException>(() => InvestmentPlanParametersFile.Load(path));

        Assert.Equal(path, error.FilePath);
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void Malformed_json_names_the_file()
    {
        using var file = new TempRuleFile("{ \"years\": 5, ");

        var error = Assert.Throws<RuleFileException>(() => InvestmentPlanParametersFile.Load(file.Path));

        Assert.Equal(file.Path, error.FilePath);
        Assert.Contains("not valid JSON", error.Message);
    }

    [Theory]
    [InlineData("\"years\": 5,", "", "$.years")]
    [InlineData("\"years\": 5", "\"years\": \"five\"", "$.years")]
    [InlineData("\"years\": 5", "\"years\": 0", "$.years")]
    [InlineData("\"communityShare\": 0.20", "\"communityShare\": 1.5", "$.communityShare")]
    [InlineData("\"newSystemCostPerCapitaUsd\": 183.10", "\"newSystemCostPerCapitaUsd\": -183.10", "$.newSystemCostPerCapitaUsd")]
    public void Bad_field_names_the_file_and_the_field(string original, string replacement, string jsonPath)
    {
        using var file = new TempRuleFile(ValidJson.Replace(original, replacement));

        var error = Assert.Throws<RuleFileException>(() => InvestmentPlanParametersFile.Load(file.Path));

        Assert.Equal(jsonPath, error.JsonPath);
        Assert.Contains(file.Path, error.Message);
        Assert.Contains(jsonPath, error.Message);
    }

    [Fact]
    public void Valid_file_loads()
    {
        using var file = new TempRuleFile(ValidJson.Replace("\"years\": 5", "\"years\": 4"));

        Assert.Equal(4, InvestmentPlanParametersFile.Load(file.Path).Years);
    }
}
