using Propilas.Rules.Calculations;

namespace Propilas.Rules.Tests.Calculations;

public class LoanCalculatorTests
{
    [Fact]
    public void Villeta_loan_installment_matches_the_annuity_formula()
    {
        // G 1,786,145 over 240 months at 6 %: i = 0.005, (1.005)^240 = 3.310204476,
        // A = 1,786,145 x 0.005 x 3.310204476 / 2.310204476 = 12,796.4975 -> G 12,796.
        var schedule = LoanCalculator.Amortize(1_786_145m, 0.06m, 20);

        Assert.Equal(12_796m, schedule.Installment);
        Assert.Equal(240, schedule.NumberOfInstallments);
        Assert.Equal(12_796.4975m, Math.Round(LoanCalculator.MonthlyInstallment(1_786_145m, 0.06m, 240), 4));
    }

    [Fact]
    public void Rosario_loan_installment_matches_the_annuity_formula()
    {
        // G 407,302 over 120 months at 6 %: (1.005)^120 = 1.819396734,
        // A = 407,302 x 0.005 x 1.819396734 / 0.819396734 = 4,521.887 -> G 4,522.
        Assert.Equal(4_522m, LoanCalculator.Amortize(407_302m, 0.06m, 10).Installment);
    }

    [Theory]
    [InlineData(1_786_145, 6, 20)]
    [InlineData(407_302, 6, 10)]
    [InlineData(3_000_000, 6, 15)]
    [InlineData(999_999, 9, 40)]
    [InlineData(1_000_001, 0, 10)]
    [InlineData(1_000, 6, 40)]
    [InlineData(1_200, 0, 40)]
    public void Schedule_repays_exactly_the_principal(int principal, int ratePct, int years)
    {
        var schedule = LoanCalculator.Amortize(principal, ratePct / 100m, years);

        Assert.Equal(years * 12, schedule.NumberOfInstallments);
        Assert.Equal(principal, schedule.Installments.Sum(i => i.PrincipalRepaid));
        Assert.Equal(0m, schedule.Installments[^1].RemainingBalance);
        Assert.All(schedule.Installments, i =>
        {
            Assert.Equal(i.Payment, i.Interest + i.PrincipalRepaid);
            Assert.True(i.PrincipalRepaid >= 0 && i.Interest >= 0, $"installment {i.Number} is negative");
            Assert.Equal(decimal.Truncate(i.Payment), i.Payment);
        });
        Assert.Equal(schedule.TotalPaid, principal + schedule.TotalInterest);
    }

    [Fact]
    public void Every_installment_but_the_last_is_the_rounded_annuity()
    {
        var schedule = LoanCalculator.Amortize(1_786_145m, 0.06m, 20);

        Assert.All(schedule.Installments.SkipLast(1), i => Assert.Equal(12_796m, i.Payment));
        // Rounding down by 0.4975 a month leaves a little more for the final installment.
        Assert.InRange(schedule.Installments[^1].Payment, 12_796m, 12_796m + 240m);
        Assert.Equal(8_931m, schedule.Installments[0].Interest); // 1,786,145 x 0.005 = 8,930.725
    }

    [Fact]
    public void Zero_rate_splits_the_principal_evenly_and_charges_no_interest()
    {
        var schedule = LoanCalculator.Amortize(1_000_001m, 0m, 10);

        // 1,000,001 / 120 = 8,333.34 -> 8,333; the last repays 1,000,001 - 119 x 8,333 = 8,374.
        Assert.Equal(8_333m, schedule.Installment);
        Assert.Equal(0m, schedule.TotalInterest);
        Assert.Equal(8_374m, schedule.Installments[^1].Payment);
    }

    [Fact]
    public void Request_lends_the_cost_less_the_down_payment()
    {
        var request = new LoanRequest(SystemCost: 2_000_000m, DownPayment: 100_000m, AnnualRate: 0.06m, Years: 15, MinimumDownPaymentShare: 0.05m);

        var schedule = LoanCalculator.Calculate(request);

        Assert.Equal(1_900_000m, schedule.Principal);
        Assert.Equal(1_900_000m, schedule.Installments.Sum(i => i.PrincipalRepaid));
        Assert.Equal(180, schedule.NumberOfInstallments);
    }

    [Theory]
    [InlineData(99_999, 15, "downPayment")]   // below 5 % of 2,000,000
    [InlineData(-1, 15, "downPayment")]
    [InlineData(2_000_000, 15, "downPayment")] // nothing left to lend
    [InlineData(100_000, 0, "years")]
    [InlineData(100_000, 41, "years")]
    public void Invalid_request_is_rejected_naming_the_field(int downPayment, int years, string field)
    {
        var request = new LoanRequest(2_000_000m, downPayment, 0.06m, years, 0.05m);

        var error = Assert.Throws<CalculationInputException>(() => LoanCalculator.Calculate(request));

        Assert.Equal(field, Assert.Single(error.Errors).Field);
        Assert.Contains(field, error.Message);
    }

    [Fact]
    public void Minimum_down_payment_is_a_parameter()
    {
        var request = new LoanRequest(2_000_000m, 150_000m, 0.06m, 15, MinimumDownPaymentShare: 0.10m);

        var error = Assert.Throws<CalculationInputException>(() => LoanCalculator.Calculate(request));

        Assert.Contains("10 %", error.Message);
        Assert.Equal(1_850_000m, LoanCalculator.Calculate(request with { MinimumDownPaymentShare = 0.05m }).Principal);
    }

    [Theory]
    [InlineData(0, 6, 10, "principal")]
    [InlineData(1_000, -1, 10, "annualRate")]
    [InlineData(1_000, 6, 0, "years")]
    public void Invalid_amortization_is_rejected_naming_the_field(int principal, int ratePct, int years, string field)
    {
        var error = Assert.Throws<CalculationInputException>(() => LoanCalculator.Amortize(principal, ratePct / 100m, years));

        Assert.Equal(field, Assert.Single(error.Errors).Field);
    }
}
