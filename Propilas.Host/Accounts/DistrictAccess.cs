using System.Security.Claims;
using Propilas.Host.Districts;
using Propilas.Workflows.Runtime;

namespace Propilas.Host.Accounts;

/// <summary>Who may see and act on which district: the coordinator on all, mayors and aldermen on their own.</summary>
public static class DistrictAccess
{
    public static bool IsCoordinator(this ClaimsPrincipal user) => user.IsInRole(Roles.Coordinator);

    public static DistrictSlug? HomeDistrict(this ClaimsPrincipal user) =>
        DistrictSlug.TryParse(user.FindFirstValue(DistrictClaimsFactory.DistrictClaim), out var slug) ? slug : null;

    public static bool CanAccess(this ClaimsPrincipal user, DistrictSlug district) =>
        user.IsCoordinator() || user.HomeDistrict() == district;

    /// <summary>The person as the runtime sees them, with the roles they hold.</summary>
    public static Actor ToActor(this ClaimsPrincipal user) =>
        new(user.Identity?.Name ?? "unknown", user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet());
}
