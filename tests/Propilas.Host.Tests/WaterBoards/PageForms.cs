using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Propilas.Host.Tests.WaterBoards;

/// <summary>Drives the server-rendered pages as a browser without scripts would: GET a page, post its form with the antiforgery token.</summary>
public sealed partial class PageForms(HttpClient client)
{
    /// <summary>A client of the signed-in user that keeps cookies and does not follow redirects, so they can be asserted.</summary>
    public static async Task<PageForms> SignInAsync(PropilasFactory host, string userName, string password)
    {
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await host.TokenAsync(userName, password));
        return new PageForms(client);
    }

    public HttpClient Client => client;

    /// <summary>The page's HTML, decoded (Razor encodes accents as entities).</summary>
    public async Task<string> GetAsync(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"GET {url}: expected {(int)expected}, got {(int)response.StatusCode}");
        return WebUtility.HtmlDecode(html);
    }

    /// <summary>Posts the fields to <paramref name="action"/> with the antiforgery token of the page at <paramref name="formPage"/>.</summary>
    public async Task<(HttpStatusCode Status, string Html, string? Location)> PostAsync(string formPage, string action, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var page = await GetAsync(formPage);
        var token = Token().Match(page).Groups[1].Value;
        using var response = await client.PostAsync(action,
            new FormUrlEncodedContent(fields.Append(KeyValuePair.Create("__RequestVerificationToken", token))));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, html, response.Headers.Location?.ToString());
    }

    /// <summary>The value of the input named <paramref name="name"/> in the decoded HTML.</summary>
    public static string? ValueOf(string html, string name) =>
        Regex.Match(html, $"""name="{Regex.Escape(name)}"[^>]*value="([^"]*)"|value="([^"]*)"[^>]*name="{Regex.Escape(name)}" """.TrimEnd()) is { Success: true } m
            ? (m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value) : null;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
