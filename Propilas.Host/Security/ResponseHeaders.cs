using Microsoft.AspNetCore.CookiePolicy;
using NetEscapades.AspNetCore.SecurityHeaders.Infrastructure;

namespace Propilas.Host.Security;

/// <summary>
/// Headers on every response (pages, API, static files, error pages): a Content-Security-Policy that runs no inline
/// script (scripts only from this site; a page's one inline <c>&lt;style&gt;</c> block carries the request's nonce; no
/// style attributes), that no other site may frame (<c>frame-ancestors 'none'</c>, and X-Frame-Options for older browsers),
/// <c>nosniff</c>, and a referrer policy that tells other sites nothing of the page's address. Cookies are
/// <c>Secure</c> always in Production, over HTTPS elsewhere.
/// </summary>
public static class ResponseHeaders
{
    public static void AddResponseHeaders(this IServiceCollection services, IHostEnvironment environment)
    {
        var dashboard = Policy(dashboard: true);
        services.AddSecurityHeaderPolicies().SetDefaultPolicy(Policy(dashboard: false))
            .SetPolicySelector(c => IsDashboard(c.HttpContext.Request) ? dashboard : c.SelectedPolicy);
        services.Configure<CookiePolicyOptions>(o =>
        {
            o.Secure = environment.IsProduction() ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.HttpOnly = HttpOnlyPolicy.Always;
            o.MinimumSameSitePolicy = SameSiteMode.Lax;
        });
    }

    /// <summary>Sets the headers (before anything else can answer) and the cookie policy.</summary>
    public static void UseResponseHeaders(this IApplicationBuilder app)
    {
        app.UseSecurityHeaders();
        app.UseCookiePolicy();
    }

    // Hangfire's dashboard moves its prefix into PathBase before the headers are written.
    private static bool IsDashboard(HttpRequest request) => (request.PathBase + request.Path).StartsWithSegments("/hangfire");

    /// <param name="dashboard">
    /// Hangfire's dashboard (<c>/hangfire</c>, coordinator only) is not ours: it colours its state cards with style
    /// attributes and its charts inject a style element, so there styles may be inline. Scripts stay this site's only.
    /// </param>
    private static HeaderPolicyCollection Policy(bool dashboard) => new HeaderPolicyCollection()
        .AddContentTypeOptionsNoSniff()
        .AddFrameOptionsDeny()
        .AddReferrerPolicySameOrigin()
        .AddCrossOriginOpenerPolicy(p => p.SameOrigin())
        .AddContentSecurityPolicy(csp =>
        {
            csp.AddDefaultSrc().Self();
            csp.AddScriptSrc().Self();
            if (dashboard) csp.AddStyleSrc().Self().UnsafeInline();
            else csp.AddStyleSrc().Self().WithNonce();
            csp.AddImgSrc().Self().Data();
            csp.AddObjectSrc().None();
            csp.AddBaseUri().Self();
            csp.AddFormAction().Self();
            csp.AddFrameAncestors().None();
        });
}
