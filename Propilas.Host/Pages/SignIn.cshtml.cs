using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Propilas.Host.Accounts;
using Propilas.Host.Security;

namespace Propilas.Host.Pages;

[AllowAnonymous]
public sealed class SignInModel(SignInManager<AppUser> signIn, SignInThrottle throttle) : PageModel
{
    [BindProperty] public string? UserName { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public bool Failed { get; private set; }

    /// <summary>Set when sign-in was tried too often: the whole seconds to wait (the page answers 429 with Retry-After).</summary>
    public int? WaitSeconds { get; private set; }

    public async Task<IActionResult> OnPostAsync()
    {
        var name = UserName?.Trim();
        var password = Password;
        if (throttle.Refuse(HttpContext, name) is { } wait)
        {
            var seconds = SignInThrottle.RetryAfterSeconds(wait);
            Response.Headers.RetryAfter = seconds;
            WaitSeconds = int.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture);
            Password = null;
            return new PageResult { StatusCode = StatusCodes.Status429TooManyRequests };
        }
        if (!string.IsNullOrEmpty(name) && !string.IsNullOrEmpty(password))
        {
            signIn.AuthenticationScheme = IdentityConstants.ApplicationScheme;
            var result = await signIn.PasswordSignInAsync(name, password, isPersistent: true, lockoutOnFailure: true);
            if (result.Succeeded) return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }
        Failed = true;
        Password = null;
        return Page();
    }
}
