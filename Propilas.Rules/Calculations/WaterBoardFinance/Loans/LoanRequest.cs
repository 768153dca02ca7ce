namespace Propilas.Rules.Calculations;

/// <summary>A water board's loan for its system: the cost less the down payment is repaid monthly.</summary>
/// <param name="AnnualRate">Nominal annual rate, 0..1; monthly rate is a twelfth of it.</param>
/// <param name="MinimumDownPaymentShare">Smallest down payment allowed, as a fraction of <paramref name="SystemCost"/>.</param>
public sealed record LoanRequest(
    decimal SystemCost,
    decimal DownPayment,
    decimal AnnualRate,
    int Years,
    decimal MinimumDownPaymentShare)
{
    public const int MinYears = 1;
    public const int MaxYears = 40;

    public decimal Principal => SystemCost - DownPayment;

    public IReadOnlyList<InputError> Validate()
    {
        var errors = new List<InputError>();
        InputChecks.Positive(errors, "systemCost", SystemCost);
        InputChecks.NotAbove(errors, "systemCost", SystemCost, InputChecks.MaxMoney, InputChecks.MaxMoneyName);
        InputChecks.Fraction(errors, "minimumDownPaymentShare", MinimumDownPaymentShare);
        var minimumDownPayment = SystemCost * MinimumDownPaymentShare;
        if (DownPayment < 0)
            InputChecks.NotNegative(errors, "downPayment", DownPayment);
        else if (DownPayment < minimumDownPayment)
            errors.Add(new("downPayment", new(
                $"Debe ser al menos el {MinimumDownPaymentShare * 100m:0.##} % del costo del sistema ({minimumDownPayment}); era {DownPayment}.",
                $"must be at least {MinimumDownPaymentShare * 100m:0.##} % of the system cost ({minimumDownPayment}); was {DownPayment}")));
        else if (SystemCost > 0 && DownPayment >= SystemCost)
            errors.Add(new("downPayment", new(
                $"Debe ser menor que el costo del sistema ({SystemCost}); si no, no queda nada que prestar.",
                $"must be less than the system cost ({SystemCost}), or there is nothing to lend")));
        InputChecks.Fraction(errors, "annualRate", AnnualRate);
        InputChecks.InRange(errors, "years", Years, MinYears, MaxYears);
        return errors;
    }
}
