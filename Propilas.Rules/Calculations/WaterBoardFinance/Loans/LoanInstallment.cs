namespace Propilas.Rules.Calculations;

/// <summary>One month of a loan schedule; <see cref="Payment"/> = <see cref="Interest"/> + <see cref="PrincipalRepaid"/>.</summary>
public sealed record LoanInstallment(int Number, decimal Payment, decimal Interest, decimal PrincipalRepaid, decimal RemainingBalance);
