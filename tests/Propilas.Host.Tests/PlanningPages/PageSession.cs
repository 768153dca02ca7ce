using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Propilas.Host.Tests.PlanningPages;

/// <summary>
/// A browser-like client for the pages: cookie sign-in, forms posted with their antiforgery token. Cookies are kept by
/// hand, whatever their expiry: the seeded host runs on a fake clock, so a real cookie container would drop them.
/// </summary>
public sealed partial class PageSession
{
    private readonly HttpClient _client;
    private readonly Dictionary<string, string> _cookies = [];

    private PageSession(HttpClient client) => _client = client;

    public static async Task<PageSession> SignInAsync(PropilasFactory host, string userName, string? password = null, string culture = "es")
    {
        var session = new PageSession(host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false }));
        var signIn = await session.GetAsync("/signin");
        using var posted = await session.PostFormAsync("/signin", signIn, new() { ["UserName"] = userName, ["Password"] = password ?? PropilasFactory.DemoPassword });
        Assert.True(posted.StatusCode == HttpStatusCode.Redirect && posted.Headers.Location?.OriginalString == "/", $"sign-in of {userName}: {(int)posted.StatusCode}");
        if (culture != "es")
        {
            using var switched = await session.SendAsync(HttpMethod.Post, "/culture",
                new FormUrlEncodedContent(new Dictionary<string, string> { ["culture"] = culture, ["returnUrl"] = "/" }));
            Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        }
        return session;
    }

    /// <summary>The page's HTML, asserting 200, with character references decoded (Razor writes "aún" as "a&amp;#xFA;n").</summary>
    public async Task<string> GetAsync(string url)
    {
        using var response = await SendAsync(HttpMethod.Get, url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {response.Headers.Location}");
        return await TextAsync(response);
    }

    public static async Task<string> TextAsync(HttpResponseMessage response) => System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    public async Task<HttpStatusCode> StatusAsync(string url)
    {
        using var response = await SendAsync(HttpMethod.Get, url);
        return response.StatusCode;
    }

    /// <summary>Posts a form of <paramref name="pageHtml"/> (its antiforgery token) with the given fields.</summary>
    public Task<HttpResponseMessage> PostFormAsync(string url, string pageHtml, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = Token(pageHtml);
        return SendAsync(HttpMethod.Post, url, new FormUrlEncodedContent(fields));
    }

    public Task<HttpResponseMessage> PostFileAsync(string url, string pageHtml, Dictionary<string, string> fields, string fileName, string content)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields) form.Add(new StringContent(value), name);
        form.Add(new StringContent(Token(pageHtml)), "__RequestVerificationToken");
        var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(content));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", fileName);
        return SendAsync(HttpMethod.Post, url, form);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = content };
        if (_cookies.Count > 0) request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
        var response = await _client.SendAsync(request);
        foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
        {
            var pair = header.Split(';')[0];
            var at = pair.IndexOf('=');
            _cookies[pair[..at]] = pair[(at + 1)..];
        }
        return response;
    }

    private static string Token(string html) => AntiforgeryToken().Match(html) is { Success: true } m
        ? System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)
        : throw new InvalidOperationException("No antiforgery token in the page.");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
