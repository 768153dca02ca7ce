using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Propilas.Host.Common;
using Propilas.Host.Database;
using Propilas.Host.Security;

namespace Propilas.Host.Accounts;

/// <summary>
/// The account API: sign in for a bearer token, renew it, and the signed-in person's own account (read it, change its
/// password). Identity's MapIdentityApi is not mapped: its self-registration and e-mail flows do not fit accounts the
/// coordinator creates, and its account info required an e-mail address these accounts do not have (every call answered 500).
/// </summary>
public static class AccountEndpoints
{
    /// <param name="UserName">The account name; <c>email</c> is taken as well, as Identity's login named it.</param>
    public sealed record LoginRequest(string? UserName, string? Email, string? Password);

    public sealed record RefreshRequest(string? RefreshToken);

    public sealed record AccountInfo(string UserName, string? District, IReadOnlyList<string> Roles);

    public sealed record PasswordChange(string? OldPassword, string? NewPassword);

    public static void MapAccounts(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Accounts");
        group.MapPost("/login", Login).AllowAnonymous()
            .Produces<Microsoft.AspNetCore.Authentication.BearerToken.AccessTokenResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("Signs in: answers a bearer token (accessToken) and a refresh token. 401 alike for an unknown name, a wrong password or a locked account; 429 with Retry-After when tried too often.");
        group.MapPost("/refresh", Refresh).AllowAnonymous()
            .Produces<Microsoft.AspNetCore.Authentication.BearerToken.AccessTokenResponse>()
            .WithSummary("A new bearer token for a refresh token, unless the account signed out or changed its password since.");
        group.MapGet("/manage/info", Info).RequireAuthorization().Produces<AccountInfo>().WithSummary("The signed-in account: its name, district and roles.");
        group.MapPost("/manage/info", ChangePassword).RequireAuthorization()
            .Produces<AccountInfo>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("Changes the signed-in account's password (oldPassword, newPassword). Every token and cookie issued before stops working.");
    }

    private static async Task<IResult> Login(LoginRequest request, HttpContext http, SignInThrottle throttle, SignInManager<AppUser> signIn)
    {
        var name = (request.UserName ?? request.Email)?.Trim();
        if (throttle.Refuse(http, name) is { } wait) return TooManyAttempts(http, wait);
        if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(request.Password)) return Failed();
        signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
        var result = await signIn.PasswordSignInAsync(name, request.Password, isPersistent: false, lockoutOnFailure: true);
        // On success the bearer handler has written the token response.
        return result.Succeeded ? TypedResults.Empty : Failed();
    }

    private static async Task<IResult> Refresh(RefreshRequest request, SignInManager<AppUser> signIn, IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider time)
    {
        var ticket = string.IsNullOrEmpty(request.RefreshToken) ? null
            : bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(request.RefreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires || time.GetUtcNow() >= expires
            || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } user)
            return TypedResults.Challenge();
        return TypedResults.SignIn(await signIn.CreateUserPrincipalAsync(user), authenticationScheme: IdentityConstants.BearerScheme);
    }

    private static async Task<IResult> Info(ClaimsPrincipal principal, UserManager<AppUser> users) =>
        await users.GetUserAsync(principal) is { } user ? TypedResults.Ok(await InfoOf(user, principal, users)) : TypedResults.Unauthorized();

    private static async Task<IResult> ChangePassword(PasswordChange request, ClaimsPrincipal principal, HttpContext http, SignInThrottle throttle,
        UserManager<AppUser> users, SignInManager<AppUser> signIn, PropilasDb db, TimeProvider time, CancellationToken ct)
    {
        if (await users.GetUserAsync(principal) is not { } user) return TypedResults.Unauthorized();
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrEmpty(request.OldPassword)) errors["oldPassword"] = ["is required"];
        if (string.IsNullOrEmpty(request.NewPassword)) errors["newPassword"] = ["is required"];
        if (errors.Count > 0) return Problems.Invalid(errors, "Give the current password and the new one.");
        // Guessing the current password here is guessing a password: the same limits and lockout as signing in.
        if (throttle.Refuse(http, user.UserName) is { } wait) return TooManyAttempts(http, wait);
        if (!await ((AlikeSignInManager)signIn).CheckPasswordAlikeAsync(user, request.OldPassword!))
            return Problems.Invalid(new Dictionary<string, string[]> { ["oldPassword"] = ["is not the account's password"] }, "The current password is wrong.");

        await using var transaction = await db.Database.BeginWriteAsync(ct);
        var changed = await users.ChangePasswordAsync(user, request.OldPassword!, request.NewPassword!);
        if (!changed.Succeeded)
            return Problems.Invalid(new Dictionary<string, string[]> { ["newPassword"] = changed.Errors.Select(e => e.Description).ToArray() }, "The new password is not accepted.");
        db.AuditEvents.Add(new AuditEvent
        {
            Subject = $"account:{user.UserName}", Action = "account.password-changed", Target = user.UserName!, By = user.UserName!,
            Role = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).FirstOrDefault() ?? "", At = time.GetUtcNow(),
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return TypedResults.Ok(await InfoOf(user, principal, users));
    }

    private static async Task<AccountInfo> InfoOf(AppUser user, ClaimsPrincipal principal, UserManager<AppUser> users) =>
        new(user.UserName!, principal.FindFirstValue(DistrictClaimsFactory.DistrictClaim), (await users.GetRolesAsync(user)).Order().ToList());

    /// <summary>The one answer to every failed sign-in, whatever the reason.</summary>
    private static IResult Failed() =>
        TypedResults.Problem("Wrong user name or password. After several failures in a row an account is locked for a few minutes.",
            statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized");

    private static IResult TooManyAttempts(HttpContext http, TimeSpan wait)
    {
        var seconds = SignInThrottle.RetryAfterSeconds(wait);
        http.Response.Headers.RetryAfter = seconds;
        return TypedResults.Problem($"Too many sign-in attempts. Try again in {seconds} s.", statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests");
    }
}
