using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Propilas.Host.Security;

namespace Propilas.Host.Accounts;

/// <summary>
/// Identity's user manager with a short, escalating lockout (<see cref="SignInLimits"/>) on the host's clock. Identity's
/// own locks for a fixed time and forgets the failures at each lockout; here the failures in a row are kept until a
/// successful sign-in, and each further run of them locks for twice as long, up to a cap.
/// </summary>
public sealed class LockoutUserManager(
    IUserStore<AppUser> store, IOptions<IdentityOptions> options, IPasswordHasher<AppUser> hasher,
    IEnumerable<IUserValidator<AppUser>> userValidators, IEnumerable<IPasswordValidator<AppUser>> passwordValidators,
    ILookupNormalizer normalizer, IdentityErrorDescriber errors, IServiceProvider services, ILogger<UserManager<AppUser>> logger,
    SignInLimits limits, TimeProvider time)
    : UserManager<AppUser>(store, options, hasher, userValidators, passwordValidators, normalizer, errors, services, logger)
{
    public override async Task<IdentityResult> AccessFailedAsync(AppUser user)
    {
        ThrowIfDisposed();
        var lockouts = (IUserLockoutStore<AppUser>)Store;
        // A disabled account stays disabled: a short lockout must not replace its lockout for good.
        if (DisabledAccounts.IsDisabled(await lockouts.GetLockoutEndDateAsync(user, CancellationToken))) return IdentityResult.Success;
        var failures = await lockouts.IncrementAccessFailedCountAsync(user, CancellationToken);
        var every = Math.Max(1, limits.LockoutAfterFailures);
        if (failures % every == 0)
        {
            var lockout = limits.LockoutFor(failures / every);
            await lockouts.SetLockoutEndDateAsync(user, time.GetUtcNow() + lockout, CancellationToken);
            Logger.LogWarning("Account {UserName} locked for {Seconds} s after {Failures} failed sign-ins in a row.", user.UserName, (int)lockout.TotalSeconds, failures);
        }
        return await UpdateUserAsync(user);
    }

    public override async Task<bool> IsLockedOutAsync(AppUser user)
    {
        ThrowIfDisposed();
        if (!await GetLockoutEnabledAsync(user)) return false;
        return await GetLockoutEndDateAsync(user) is { } end && end > time.GetUtcNow();
    }
}
