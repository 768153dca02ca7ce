namespace Propilas.Rules.Facts;

/// <summary>The parties of the stakeholder-role matrix.</summary>
public enum Stakeholder
{
    Municipality,
    Community,
    MinistryOfEducation,
    MinistryOfHealth,
}
