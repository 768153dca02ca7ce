using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Propilas.Host.Accounts;
using Propilas.Host.Pages.Localization;

namespace Propilas.Host.Pages;

/// <summary>Signing out and switching language: small form posts that redirect back.</summary>
public static class SessionEndpoints
{
    public static void MapSessionEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/signout", async (HttpContext http, UserManager<AppUser> users) =>
        {
            // A new security stamp ends this session's cookie for good (a copy of it replayed is refused), and with it
            // the account's other sessions and bearer tokens.
            if (await users.GetUserAsync(http.User) is { } user) await users.UpdateSecurityStampAsync(user);
            await http.SignOutAsync(IdentityConstants.ApplicationScheme);
            return Results.LocalRedirect("/signin");
        }).ExcludeFromDescription();

        app.MapPost("/culture", (HttpContext http) =>
        {
            var form = http.Request.Form;
            var culture = form["culture"] == "en" ? CultureSetup.English : CultureSetup.Spanish;
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture, culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
            var back = form["returnUrl"].ToString();
            // Only back to a page of this site (not "//host" nor "/\\host"); anything else goes home.
            return Results.LocalRedirect(RedirectHttpResult.IsLocalUrl(back) ? back : "/");
        }).ExcludeFromDescription();
    }

    private static Task SignOutAsync(this HttpContext http, string scheme) =>
        Microsoft.AspNetCore.Authentication.AuthenticationHttpContextExtensions.SignOutAsync(http, scheme);
}
