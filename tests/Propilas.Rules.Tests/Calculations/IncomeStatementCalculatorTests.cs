using Propilas.Rules.Calculations;

namespace Propilas.Rules.Tests.Calculations;

public class IncomeStatementCalculatorTests
{
    // Typical community of about 1,500 inhabitants, thousands of guaranies.
    private static readonly IncomeStatementInput TypicalCommunity = new(
        TariffRevenue: 756.00m,
        OtherRevenue: 50.00m,
        OperatingCosts:
        [
            new("wages", 120.00m),
            new("fuel and electricity", 154.10m),
            new("maintenance and repairs", 24.00m),
            new("travel", 6.00m),
            new("supplies", 8.40m),
            new("telephone", 2.40m),
        ],
        ContingencyRate: WaterBoardFinancePolicy.LoadDefault().ContingencyRate,
        ReplacementProvision: 60.00m,
        DebtService: 0m);

    [Fact]
    public void Typical_community_statement()
    {
        var statement = IncomeStatementCalculator.Calculate(TypicalCommunity);

        Assert.Equal(806.00m, statement.TotalRevenue);
        Assert.Equal(314.90m, statement.TotalOperatingCosts);
        Assert.Equal(31.49m, statement.Contingencies);
        Assert.Equal(459.61m, statement.OperatingIncome);
        Assert.Equal(60.00m, statement.ReplacementProvision);
        Assert.Equal(399.61m, statement.AvailableForDebtService);
    }

    [Fact]
    public void Without_debt_tariffs_alone_cover_om_and_replacement()
    {
        var statement = IncomeStatementCalculator.Calculate(TypicalCommunity);

        Assert.Equal(349.61m, statement.TariffCoverageBalance); // 756.00 - 314.90 - 31.49 - 60.00
        Assert.True(statement.TariffsCoverCosts);
        Assert.Equal(399.61m, statement.NetSurplus);
    }

    [Fact]
    public void Debt_service_absorbing_all_that_is_available_leaves_tariffs_short_by_other_revenue()
    {
        var statement = IncomeStatementCalculator.Calculate(TypicalCommunity with { DebtService = 399.61m });

        Assert.Equal(0m, statement.NetSurplus);
        Assert.Equal(-50.00m, statement.TariffCoverageBalance);
        Assert.False(statement.TariffsCoverCosts);
    }

    [Fact]
    public void Debt_service_above_what_is_available_is_a_deficit()
    {
        var statement = IncomeStatementCalculator.Calculate(TypicalCommunity with { DebtService = 450.00m });

        Assert.Equal(-50.39m, statement.NetSurplus);
        Assert.False(statement.TariffsCoverCosts);
    }

    [Fact]
    public void Contingency_rate_is_a_parameter()
    {
        var statement = IncomeStatementCalculator.Calculate(TypicalCommunity with { ContingencyRate = 0.20m });

        Assert.Equal(62.98m, statement.Contingencies);
        Assert.Equal(428.12m, statement.OperatingIncome);
    }

    [Theory]
    [InlineData("tariffRevenue")]
    [InlineData("operatingCosts[1].amount")]
    [InlineData("operatingCosts[0].name")]
    [InlineData("contingencyRate")]
    [InlineData("debtService")]
    public void Invalid_input_is_rejected_naming_the_field(string field)
    {
        var costs = TypicalCommunity.OperatingCosts.ToArray();
        var input = field switch
        {
            "tariffRevenue" => TypicalCommunity with { TariffRevenue = -1m },
            "operatingCosts[1].amount" => TypicalCommunity with { OperatingCosts = [costs[0], costs[1] with { Amount = -154.10m }] },
            "operatingCosts[0].name" => TypicalCommunity with { OperatingCosts = [costs[0] with { Name = "" }] },
            "contingencyRate" => TypicalCommunity with { ContingencyRate = 10m },
            _ => TypicalCommunity with { DebtService = -1m },
        };

        var error = Assert.Throws<CalculationInputException>(() => IncomeStatementCalculator.Calculate(input));

        Assert.Equal(field, Assert.Single(error.Errors).Field);
    }
}
