using Propilas.Rules.Calculations;

namespace Propilas.Rules.Tests.Calculations;

public class WaterBoardFinancePolicyTests
{
    [Fact]
    public void Shipped_file_holds_the_agency_rules()
    {
        var policy = WaterBoardFinancePolicy.LoadDefault();

        Assert.Equal(new WaterBoardFinancePolicy(0.06m, 0.05m, 0.02m, 0.10m), policy);
    }

    [Fact]
    public void Policy_supplies_rate_and_minimum_down_payment_to_a_request()
    {
        var request = WaterBoardFinancePolicy.LoadDefault().LoanRequest(systemCost: 1_880_153m, downPayment: 94_008m, years: 20);

        // 5 % of 1,880,153 is 94,007.65, so 94,008 is enough and leaves the Villeta loan.
        Assert.Equal(12_796m, LoanCalculator.Calculate(request).Installment);
        Assert.Throws<CalculationInputException>(() => LoanCalculator.Calculate(request with { DownPayment = 94_007m }));
    }

    [Theory]
    [InlineData("\"annualRate\": 0.06", "\"annualRate\": 6", "$.loan.annualRate")]
    [InlineData("\"latePenaltyRate\": 0.02,", "", "$.loan.latePenaltyRate")]
    [InlineData("\"contingencyRate\": 0.10", "\"contingencyRate\": null", "$.incomeStatement.contingencyRate")]
    public void Bad_file_names_the_file_and_the_path(string original, string replacement, string jsonPath)
    {
        const string json = """
            {
              "loan": { "annualRate": 0.06, "latePenaltyRate": 0.02, "minimumDownPaymentShare": 0.05 },
              "incomeStatement": { "contingencyRate": 0.10 }
            }
            """;
        using var file = new TempRuleFile(json.Replace(original, replacement));

        var error = Assert.Throws<RuleFileException>(() => WaterBoardFinancePolicy.Load(file.Path));

        Assert.Equal(jsonPath, error.JsonPath);
        Assert.Contains(file.Path, error.Message);
    }
}
