using Propilas.Rules.Facts;

namespace Propilas.Host.Invitations;

/// <summary>
/// Who must be invited before the preparatory stage can close: the same lists as the rule <c>invitation.sector-missing</c>
/// (workflows/rules/district-gates.json), so the page can show each missing one on its own line.
/// </summary>
public static class RequiredSectors
{
    public static readonly Sector[] Sectors = [Sector.Health, Sector.Education, Sector.LocalAuthority];
    public static readonly CommunityOrganisationKind[] Organisations = [CommunityOrganisationKind.WaterBoard];

    public static IReadOnlyList<Enum> Missing(IEnumerable<(Sector Sector, CommunityOrganisationKind? Kind)> invited) =>
        Representation.Of(invited).Missing(Sectors, Organisations);
}
