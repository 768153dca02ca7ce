using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Propilas.Host.Database;

namespace Propilas.Host.Accounts;

/// <summary>
/// Every request signed in with a cookie or a bearer token is checked against the account's security stamp (one indexed
/// read). Signing out, a password change or an administrator's reset change the stamp, so every cookie and token issued
/// before stops working at once, not when it expires.
/// </summary>
public static class SecurityStamp
{
    public static void AddSecurityStampChecks(this IServiceCollection services)
    {
        services.ConfigureApplicationCookie(o => o.Events.OnValidatePrincipal = async c =>
        {
            if (c.Principal is { } principal && await IsCurrentAsync(principal, c.HttpContext.RequestServices)) return;
            c.RejectPrincipal();
            await c.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        });
        services.Configure<BearerTokenOptions>(IdentityConstants.BearerScheme, o => o.Events.OnMessageReceived = async c =>
        {
            var header = c.Request.Headers.Authorization.ToString();
            if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return;
            // The handler unprotects the token again and checks its expiry; a token that does not unprotect fails there.
            if (c.Options.BearerTokenProtector.Unprotect(header["Bearer ".Length..].Trim()) is not { Principal: { } principal }) return;
            if (!await IsCurrentAsync(principal, c.HttpContext.RequestServices)) c.Fail("The account's security stamp has changed since this token was issued.");
        });
    }

    /// <summary>Whether the principal's stamp is the account's stored one (false for a removed account, or a principal without a stamp).</summary>
    public static async Task<bool> IsCurrentAsync(ClaimsPrincipal principal, IServiceProvider services)
    {
        var claims = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var id = principal.FindFirstValue(claims.UserIdClaimType);
        var stamp = principal.FindFirstValue(claims.SecurityStampClaimType);
        if (id is null || stamp is null) return false;
        var db = services.GetRequiredService<PropilasDb>();
        var stored = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.SecurityStamp).FirstOrDefaultAsync();
        return stored is not null && string.Equals(stored, stamp, StringComparison.Ordinal);
    }
}
