namespace Propilas.Rules.Calculations;

/// <summary>Repayment plan of a loan in equal monthly installments (whole guaranies).</summary>
/// <param name="Installment">The equal monthly installment, rounded to whole guaranies.</param>
/// <param name="Installments">Every month; the last one absorbs the rounding so principal repaid sums to <paramref name="Principal"/>.</param>
public sealed record LoanSchedule(
    decimal Principal,
    decimal AnnualRate,
    int Years,
    decimal Installment,
    IReadOnlyList<LoanInstallment> Installments)
{
    public int NumberOfInstallments => Installments.Count;

    public decimal TotalPaid => Installments.Sum(i => i.Payment);

    public decimal TotalInterest => Installments.Sum(i => i.Interest);
}
