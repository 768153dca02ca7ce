using System.Security.Claims;
using Propilas.Host.Accounts;
using Propilas.Host.Districts;

namespace Propilas.Host.WaterBoards;

/// <summary>
/// Everyone of a district sees its water boards; the technical area (ATM), which supervises the boards, the alderman
/// who follows them in the plan, and the coordinator add and update them and record visits.
/// </summary>
public static class WaterBoardAccess
{
    private static readonly string[] Editors = [Roles.Coordinator, Roles.Atm, Roles.Alderman];

    public static bool CanEditWaterBoards(this ClaimsPrincipal user, DistrictSlug district) =>
        user.CanAccess(district) && Editors.Any(user.IsInRole);

    /// <summary>The role under which the person acts, for the audit trail.</summary>
    public static string EditorRole(this ClaimsPrincipal user) => Editors.FirstOrDefault(user.IsInRole) ?? "";
}
