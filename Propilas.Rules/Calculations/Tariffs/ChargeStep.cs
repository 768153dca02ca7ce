namespace Propilas.Rules.Calculations;

/// <summary>Monthly residential charge for a connection with at most <see cref="UpToUnits"/> units.</summary>
public sealed record ChargeStep(int UpToUnits, decimal Charge);
