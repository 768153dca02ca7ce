using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Propilas.Host.Database;

namespace Propilas.Host.Accounts;

/// <summary>Puts the user's district slug on the token, so each request is authorised without a database read.</summary>
public sealed class DistrictClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options, PropilasDb db)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    public const string DistrictClaim = "propilas:district";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.DistrictId is { } id)
        {
            var slug = await db.Districts.Where(d => d.Id == id).Select(d => d.Slug).FirstAsync();
            identity.AddClaim(new Claim(DistrictClaim, slug.Value));
        }
        return identity;
    }
}
