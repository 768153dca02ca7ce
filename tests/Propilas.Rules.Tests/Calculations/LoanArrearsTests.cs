using Propilas.Rules.Calculations;

namespace Propilas.Rules.Tests.Calculations;

public class LoanArrearsTests
{
    [Fact]
    public void Up_to_date_board_owes_nothing()
    {
        var arrears = LoanArrears.Calculate(installmentsDue: 24, installmentsPaid: 24, installment: 12_796m, latePenaltyRate: 0.02m);

        Assert.Equal(new LoanArrears(0, 0m, 0m), arrears);
    }

    [Fact]
    public void Three_overdue_installments_and_their_penalty()
    {
        var arrears = LoanArrears.Calculate(24, 21, 12_796m, 0.02m);

        Assert.Equal(3, arrears.OverdueInstallments);
        Assert.Equal(38_388m, arrears.OverdueAmount);
        Assert.Equal(768m, arrears.Penalty); // 2 % of 38,388 = 767.76
    }

    [Fact]
    public void Rosario_with_sixteen_overdue_installments()
    {
        var installment = LoanCalculator.Amortize(407_302m, 0.06m, 10).Installment;

        var arrears = LoanArrears.Calculate(installmentsDue: 30, installmentsPaid: 14, installment, latePenaltyRate: 0.02m);

        Assert.Equal(16, arrears.OverdueInstallments);
        Assert.Equal(72_352m, arrears.OverdueAmount); // 16 x 4,522
        Assert.Equal(1_447m, arrears.Penalty);        // 2 % of 72,352 = 1,447.04
    }

    [Fact]
    public void Paying_ahead_leaves_nothing_overdue()
    {
        Assert.Equal(0, LoanArrears.Calculate(10, 12, 4_522m, 0.02m).OverdueInstallments);
    }

    [Theory]
    [InlineData(-1, 0, 100, 2, "installmentsDue")]
    [InlineData(3, -1, 100, 2, "installmentsPaid")]
    [InlineData(3, 0, -100, 2, "installment")]
    [InlineData(3, 0, 100, 120, "latePenaltyRate")]
    public void Invalid_input_is_rejected_naming_the_field(int due, int paid, int installment, int ratePct, string field)
    {
        var error = Assert.Throws<CalculationInputException>(() => LoanArrears.Calculate(due, paid, installment, ratePct / 100m));

        Assert.Equal(field, Assert.Single(error.Errors).Field);
    }
}
