using System.Security.Claims;
using Propilas.Host.Accounts;
using Propilas.Host.Districts;
using Propilas.Rules.Facts;

namespace Propilas.Host.Obligations;

/// <summary>
/// Everyone of a district sees its obligations. The municipality's people (mayor, alderman, technical area) and the
/// coordinator record any of them fulfilled, since the community and the schools have no accounts; the health post
/// records those of the Ministry of Health.
/// </summary>
public static class ObligationAccess
{
    private static readonly string[] Municipal = [Roles.Coordinator, Roles.Mayor, Roles.Alderman, Roles.Atm];

    public static bool CanFulfil(this ClaimsPrincipal user, DistrictSlug district, Stakeholder stakeholder) =>
        user.CanAccess(district) && (Municipal.Any(user.IsInRole) || (stakeholder == Stakeholder.MinistryOfHealth && user.IsInRole(Roles.HealthPost)));

    public static string FulfillingRole(this ClaimsPrincipal user) => Municipal.Append(Roles.HealthPost).FirstOrDefault(user.IsInRole) ?? "";
}
