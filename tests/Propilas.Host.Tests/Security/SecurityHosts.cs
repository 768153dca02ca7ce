using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Propilas.Host.Tests.Security;

/// <summary>Hosts and raw HTTP helpers for the security tests: no pilots (fast), and the client address taken from a test header.</summary>
public static partial class SecurityHosts
{
    public const string AddressHeader = "X-Test-Client-Address";

    /// <summary>A Development host with only the demo coordinator, and the given configuration.</summary>
    public static PropilasFactory Create(Dictionary<string, string>? configuration = null, int signInsPerMinute = 100_000, string environment = "Development",
        DateTimeOffset? fakeNow = null) =>
        new(new HostSettings
        {
            Environment = environment, SeedPilots = false, SignInsPerMinute = signInsPerMinute, Configuration = configuration, FakeNow = fakeNow,
            Services = s => s.AddSingleton<IStartupFilter, ClientAddressFromHeader>(),
        });

    /// <summary>POST /api/auth/login from <paramref name="address"/> (TestServer has no client address of its own).</summary>
    public static async Task<HttpResponseMessage> TryLoginAsync(this PropilasFactory host, string userName, string password, string address = "203.0.113.1")
    {
        using var client = host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login") { Content = JsonContent.Create(new { userName, password }) };
        request.Headers.Add(AddressHeader, address);
        return await client.SendAsync(request);
    }

    /// <summary>A client that neither follows redirects nor keeps cookies: the test carries them by hand.</summary>
    public static HttpClient RawClient(this PropilasFactory host) =>
        host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    /// <summary>Posts the sign-in page's form (with its antiforgery token) in <paramref name="culture"/>; returns the answer and the cookies it set.</summary>
    public static async Task<(HttpResponseMessage Response, string Cookies)> PostSignInPageAsync(this PropilasFactory host, string userName, string password,
        string culture = "es", string address = "203.0.113.1")
    {
        using var client = host.RawClient();
        var name = culture == "en" ? "en" : "es-PE";
        var cultureCookie = $"{Microsoft.AspNetCore.Localization.CookieRequestCultureProvider.DefaultCookieName}=" + Uri.EscapeDataString(
            Microsoft.AspNetCore.Localization.CookieRequestCultureProvider.MakeCookieValue(new Microsoft.AspNetCore.Localization.RequestCulture(name)));
        using var get = new HttpRequestMessage(HttpMethod.Get, "/signin");
        get.Headers.Add("Cookie", cultureCookie);
        using var page = await client.SendAsync(get);
        var html = await page.Content.ReadAsStringAsync();
        var token = TokenField().Match(html).Groups[1].Value;
        var cookies = string.Join("; ", CookiesOf(page).Append(cultureCookie));
        using var post = new HttpRequestMessage(HttpMethod.Post, "/signin")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["UserName"] = userName, ["Password"] = password, ["__RequestVerificationToken"] = token }),
        };
        post.Headers.Add("Cookie", cookies);
        post.Headers.Add(AddressHeader, address);
        var response = await client.SendAsync(post);
        return (response, string.Join("; ", CookiesOf(response)));
    }

    /// <summary>The name=value pairs of a response's Set-Cookie headers.</summary>
    public static IEnumerable<string> CookiesOf(HttpResponseMessage response) =>
        (response.Headers.TryGetValues("Set-Cookie", out var values) ? values : []).Select(v => v.Split(';')[0]);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    private sealed class ClientAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(AddressHeader, out var address)) context.Connection.RemoteIpAddress = IPAddress.Parse(address.ToString());
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
