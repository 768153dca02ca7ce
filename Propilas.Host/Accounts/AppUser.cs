using Microsoft.AspNetCore.Identity;

namespace Propilas.Host.Accounts;

/// <summary>An account. Mayors, aldermen, the technical area (atm) and the health post belong to one district; the coordinator to none (sees all).</summary>
public sealed class AppUser : IdentityUser
{
    public int? DistrictId { get; set; }
}
