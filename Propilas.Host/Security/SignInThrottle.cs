using System.Net;
using System.Threading.RateLimiting;

namespace Propilas.Host.Security;

/// <summary>
/// The rate limit on sign-in (the page, the API's login and a password change): ASP.NET Core's fixed-window limiters,
/// one partition per client address and one per account name, chained, so one address cannot try many accounts and
/// many addresses cannot try one account. It is taken where the account name is known (the bound request), since the
/// rate-limiting middleware's partitioner cannot read a request body.
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<Attempt> _limiter;

    public SignInThrottle(SignInLimits limits)
    {
        _limiter = PartitionedRateLimiter.CreateChained(
            PartitionedRateLimiter.Create<Attempt, string>(a => RateLimitPartition.GetFixedWindowLimiter(a.Address, _ => Window(limits.PerAddressPerMinute))),
            PartitionedRateLimiter.Create<Attempt, string>(a => RateLimitPartition.GetFixedWindowLimiter(a.Account, _ => Window(limits.PerAccountPerMinute))));
    }

    /// <summary>An attempt to sign in as <paramref name="account"/> from the request's address.</summary>
    public readonly record struct Attempt(string Address, string Account);

    /// <summary>Null when the attempt may go ahead; otherwise how long to wait.</summary>
    public TimeSpan? Refuse(HttpContext http, string? account)
    {
        using var lease = _limiter.AttemptAcquire(new Attempt(AddressOf(http), AccountKey(account)));
        if (lease.IsAcquired) return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) && wait > TimeSpan.Zero ? wait : TimeSpan.FromMinutes(1);
    }

    /// <summary>The <c>Retry-After</c> header's value: whole seconds, at least one.</summary>
    public static string RetryAfterSeconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static FixedWindowRateLimiterOptions Window(int permits) =>
        new() { PermitLimit = Math.Max(1, permits), Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true };

    private static string AddressOf(HttpContext http) => http.Connection.RemoteIpAddress is { } ip
        ? (ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip).ToString()
        : "unknown";

    // Names are compared as Identity compares them (case-insensitively); a long name is cut, so no key grows without bound.
    private static string AccountKey(string? account)
    {
        var name = (account ?? "").Trim().ToUpperInvariant();
        return name.Length > 64 ? name[..64] : name;
    }

    public void Dispose() => _limiter.Dispose();
}
