namespace Propilas.Rules.Facts;

/// <summary>The sectors a district invites to the planning process.</summary>
public enum Sector
{
    Health,
    Education,
    /// <summary>Governors, lieutenant governors, municipal agents, the magistrate.</summary>
    LocalAuthority,
    CommunityOrganisation,
    Ngo,
}

/// <summary>Which kind of community organisation, when the sector is <see cref="Sector.CommunityOrganisation"/>.</summary>
public enum CommunityOrganisationKind
{
    /// <summary>JASS: the board that administers, operates and maintains a water system.</summary>
    WaterBoard,
    DevelopmentCommittee,
    VasoDeLeche,
    PeasantPatrol,
    IrrigationCommittee,
    Other,
}
