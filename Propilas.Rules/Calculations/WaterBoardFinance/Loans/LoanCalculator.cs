namespace Propilas.Rules.Calculations;

/// <summary>Equal monthly installments (annuity) for a water board's loan.</summary>
public static class LoanCalculator
{
    /// <exception cref="CalculationInputException">Invalid request (e.g. down payment below the minimum); fields are named.</exception>
    public static LoanSchedule Calculate(LoanRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        CalculationInputException.ThrowIfAny("loan request", request.Validate());
        return Amortize(request.Principal, request.AnnualRate, request.Years);
    }

    /// <summary>Schedule for an amount already lent (no down-payment rule).</summary>
    /// <exception cref="CalculationInputException">Principal not positive, rate outside 0..1 or years outside 1..40.</exception>
    public static LoanSchedule Amortize(decimal principal, decimal annualRate, int years)
    {
        var errors = new List<InputError>();
        InputChecks.Positive(errors, "principal", principal);
        InputChecks.Fraction(errors, "annualRate", annualRate);
        InputChecks.InRange(errors, "years", years, LoanRequest.MinYears, LoanRequest.MaxYears);
        CalculationInputException.ThrowIfAny("loan", errors);

        var months = years * 12;
        var monthlyRate = annualRate / 12m;
        var installment = InputChecks.RoundToUnit(MonthlyInstallment(principal, annualRate, months));
        var rows = new List<LoanInstallment>(months);
        var balance = principal;
        for (var number = 1; number <= months; number++)
        {
            var interest = InputChecks.RoundToUnit(balance * monthlyRate);
            // Rounded installments drift from the exact annuity: the last month takes whatever is left,
            // and on tiny loans a month never repays more than the balance still owed.
            var repaid = number == months ? balance : Math.Min(installment - interest, balance);
            balance -= repaid;
            rows.Add(new LoanInstallment(number, interest + repaid, interest, repaid, balance));
        }
        return new LoanSchedule(principal, annualRate, years, installment, rows);
    }

    /// <summary>Exact (unrounded) annuity payment: P·i / (1 − (1+i)^−n), or P / n when the rate is zero.</summary>
    public static decimal MonthlyInstallment(decimal principal, decimal annualRate, int months)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(months);
        ArgumentOutOfRangeException.ThrowIfNegative(annualRate);
        if (annualRate == 0)
            return principal / months;
        var i = annualRate / 12m;
        var growth = 1m;
        for (var k = 0; k < months; k++)
            growth *= 1m + i;
        return principal * i * growth / (growth - 1m);
    }
}
