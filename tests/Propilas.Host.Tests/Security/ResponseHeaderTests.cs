namespace Propilas.Host.Tests.Security;

/// <summary>Headers on every response (issue 18, part 6): pages, API, static files, error pages, signed in or not.</summary>
[Collection(SeededHostCollection.Name)]
public sealed class ResponseHeaderTests(SeededHost host)
{
    [Theory]
    [InlineData("/signin", 200)]
    [InlineData("/", 302)]
    [InlineData("/css/site.css", 200)]
    [InlineData("/css/not-there.css", 404)]
    [InlineData("/no-such-page", 404)]
    [InlineData("/api/districts", 401)]
    [InlineData("/api/no-such-thing", 404)]
    [InlineData("/health", 200)]
    [InlineData("/openapi/v1.json", 200)]
    public async Task Every_answer_carries_the_security_headers(string url, int status)
    {
        using var client = host.RawClient();
        using var response = await client.GetAsync(url);
        Assert.Equal(status, (int)response.StatusCode);
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task Signed_in_pages_and_api_answers_carry_them_too()
    {
        var coordinator = await host.LoginAsync("coordinator");
        using var api = await coordinator.GetAsync("/api/districts");
        AssertSecurityHeaders(api);
        var (_, cookies) = await host.PostSignInPageAsync("coordinator", PropilasFactory.DemoPassword);
        using var client = host.RawClient();
        foreach (var url in new[] { "/portfolio", "/districts/san-juan", "/districts/san-juan/strategic-plan", "/calculators/tariff" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Add("Cookie", cookies);
            using var page = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            AssertSecurityHeaders(page);
            var html = await page.Content.ReadAsStringAsync();
            // Nothing on the page that the policy would block: no inline script, no handler attribute, no style attribute.
            Assert.DoesNotMatch("<script(?![^>]*\\bsrc=)", html);
            Assert.DoesNotMatch("\\son[a-z]+=\"", html);
            Assert.DoesNotMatch("\\sstyle=\"", html);
            // An inline <style> block carries this response's nonce.
            var nonce = System.Text.RegularExpressions.Regex.Match(page.Headers.GetValues("Content-Security-Policy").Single(), "'nonce-([^']+)'").Groups[1].Value;
            foreach (System.Text.RegularExpressions.Match style in System.Text.RegularExpressions.Regex.Matches(html, "<style[^>]*>"))
                Assert.Contains($"nonce=\"{nonce}\"", System.Net.WebUtility.HtmlDecode(style.Value));
        }
    }

    [Fact]
    public async Task The_Hangfire_dashboard_may_have_inline_styles_but_no_inline_script_nor_framing()
    {
        var (_, cookies) = await host.PostSignInPageAsync("coordinator", PropilasFactory.DemoPassword);
        using var client = host.RawClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/hangfire");
        request.Headers.Add("Cookie", cookies);
        using var dashboard = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        var policy = dashboard.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("style-src 'self' 'unsafe-inline'", policy);
        Assert.Matches("script-src 'self'(;|$)", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.DoesNotMatch("<script(?![^>]*\\bsrc=)", await dashboard.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Cookies_are_http_only_and_secure_over_https()
    {
        var client = host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = false,
        });
        using var page = await client.GetAsync("/signin");
        var cookies = page.Headers.GetValues("Set-Cookie").ToList();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.All(cookies, c => Assert.Contains("; httponly", c, StringComparison.OrdinalIgnoreCase));
    }

    private static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        var what = $"{response.RequestMessage?.RequestUri?.PathAndQuery}";
        Assert.True(response.Headers.TryGetValues("Content-Security-Policy", out var csp), $"{what}: no Content-Security-Policy");
        var policy = csp.Single();
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.Contains("default-src 'self'", policy);
        Assert.Matches("script-src 'self'(;|$)", policy);           // scripts from this site only: nothing inline, no eval
        Assert.DoesNotContain("unsafe-inline", policy);
        Assert.DoesNotContain("unsafe-eval", policy);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single(), ignoreCase: true);
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }
}
