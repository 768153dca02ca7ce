namespace Propilas.Rules.Calculations;

/// <summary>Installments a water board owes past their due date, and the late penalty on them.</summary>
/// <param name="Penalty">
/// The late-penalty rate applied once to the overdue amount, rounded to whole guaranies; the rule
/// ("2 % on late repayment") names no period, so the penalty is not compounded per month late.
/// </param>
public sealed record LoanArrears(int OverdueInstallments, decimal OverdueAmount, decimal Penalty)
{
    /// <param name="installmentsDue">Installments whose due date has passed.</param>
    /// <param name="installmentsPaid">Installments paid so far; paying ahead leaves nothing overdue.</param>
    /// <exception cref="CalculationInputException">Negative counts or amount, or a rate outside 0..1.</exception>
    public static LoanArrears Calculate(int installmentsDue, int installmentsPaid, decimal installment, decimal latePenaltyRate)
    {
        var errors = new List<InputError>();
        InputChecks.NotNegative(errors, "installmentsDue", installmentsDue);
        InputChecks.NotNegative(errors, "installmentsPaid", installmentsPaid);
        InputChecks.NotNegative(errors, "installment", installment);
        InputChecks.Fraction(errors, "latePenaltyRate", latePenaltyRate);
        CalculationInputException.ThrowIfAny("loan arrears", errors);

        var overdue = Math.Max(0, installmentsDue - installmentsPaid);
        var amount = overdue * installment;
        return new LoanArrears(overdue, amount, InputChecks.RoundToUnit(amount * latePenaltyRate));
    }
}
