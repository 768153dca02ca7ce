using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Propilas.Host.Accounts;

/// <summary>
/// Sign-in that answers an unknown name, a wrong password and a locked account alike: the same <see cref="SignInResult.Failed"/>,
/// after the same work (a password hash is checked in each case, against a stand-in hash when there is no account to check).
/// So nobody learns from the answer, nor from its time, which accounts exist or which are locked.
/// </summary>
public sealed class AlikeSignInManager(
    UserManager<AppUser> users, IHttpContextAccessor http, IUserClaimsPrincipalFactory<AppUser> claims, IOptions<IdentityOptions> options,
    ILogger<SignInManager<AppUser>> logger, IAuthenticationSchemeProvider schemes, IUserConfirmation<AppUser> confirmation)
    : SignInManager<AppUser>(users, http, claims, options, logger, schemes, confirmation)
{
    // Hashed once per process, with the host's hasher and its settings, so checking it costs what checking a real password costs.
    private static string? _standIn;

    private string StandIn => _standIn ??= UserManager.PasswordHasher.HashPassword(new AppUser(),
        Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(18)));

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var user = await UserManager.FindByNameAsync(userName);
        if (user is null || await UserManager.IsLockedOutAsync(user))
        {
            UserManager.PasswordHasher.VerifyHashedPassword(new AppUser(), StandIn, password);
            return SignInResult.Failed;
        }
        var result = await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
        return result.Succeeded ? result : SignInResult.Failed;
    }

    /// <summary>A password check with lockout, answered as sign-in answers (for a password change, which must not be a way around lockout).</summary>
    public async Task<bool> CheckPasswordAlikeAsync(AppUser user, string password)
    {
        if (await UserManager.IsLockedOutAsync(user))
        {
            UserManager.PasswordHasher.VerifyHashedPassword(new AppUser(), StandIn, password);
            return false;
        }
        return (await CheckPasswordSignInAsync(user, password, lockoutOnFailure: true)).Succeeded;
    }
}
