namespace Propilas.Rules.Calculations;

/// <summary>Kind of user a connection is billed as.</summary>
public enum WaterUse
{
    Residential,
    Commercial,
}
