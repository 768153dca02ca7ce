namespace Propilas.Rules.Calculations;

/// <summary>Monthly charge of one connection, in the schedule's currency (guaranies).</summary>
public sealed record TariffResult(WaterUse Use, int TotalUnits, decimal ResidentialCharge, decimal MonthlyCharge);
