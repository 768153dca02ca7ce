namespace Propilas.Host.Security;

/// <summary>
/// How many sign-in attempts are let through, and how long failures lock an account (section <c>SignIn</c>).
/// Lockout is short and grows: <see cref="LockoutAfterFailures"/> failures in a row lock the account for
/// <see cref="FirstLockoutSeconds"/>, each further run of as many failures doubles that, up to
/// <see cref="LongestLockoutMinutes"/>; a successful sign-in starts again from nothing.
/// </summary>
public sealed record SignInLimits
{
    public const string Section = "SignIn";

    /// <summary>Sign-in attempts per minute from one client address (every account together).</summary>
    public int PerAddressPerMinute { get; init; } = 30;

    /// <summary>Sign-in attempts per minute for one account name (from every address together).</summary>
    public int PerAccountPerMinute { get; init; } = 10;

    public int LockoutAfterFailures { get; init; } = 5;
    public int FirstLockoutSeconds { get; init; } = 60;
    public int LongestLockoutMinutes { get; init; } = 15;

    /// <summary>The lockout after the <paramref name="run"/>-th run of failures in a row (1, 2, ...): 1, 2, 4, 8, 15, 15... minutes by default.</summary>
    public TimeSpan LockoutFor(int run)
    {
        var longest = TimeSpan.FromMinutes(LongestLockoutMinutes);
        var seconds = FirstLockoutSeconds * Math.Pow(2, Math.Clamp(run - 1, 0, 30));
        return seconds >= longest.TotalSeconds ? longest : TimeSpan.FromSeconds(seconds);
    }

    public static SignInLimits From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<SignInLimits>() ?? new SignInLimits();
}
