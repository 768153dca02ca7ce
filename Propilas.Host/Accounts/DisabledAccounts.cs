namespace Propilas.Host.Accounts;

/// <summary>
/// A disabled account is one locked out for good: Identity's lockout end at <see cref="LockedUntil"/>. So signing in refuses
/// it as it refuses a locked account, and <see cref="Notifications.Recipients"/> leaves it out as it leaves out a locked one.
/// Disabling also renews the security stamp, which ends its sessions (<see cref="SecurityStamp"/>).
/// </summary>
public static class DisabledAccounts
{
    public static readonly DateTimeOffset LockedUntil = DateTimeOffset.MaxValue;

    // Any lockout ending after this is a disabling, not the short lockout of failed sign-ins (read back with whatever precision the database kept).
    private static readonly DateTimeOffset From = new(9999, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static bool IsDisabled(DateTimeOffset? lockoutEnd) => lockoutEnd >= From;
}
