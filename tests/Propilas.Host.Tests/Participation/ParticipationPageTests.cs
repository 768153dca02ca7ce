using System.Text.RegularExpressions;

namespace Propilas.Host.Tests.Participation;

/// <summary>The alderman's pages in the in-process host, signed in with the cookie as a browser would.</summary>
[Collection(SeededHostCollection.Name)]
public sealed partial class ParticipationPageTests(SeededHost host)
{
    private async Task<HttpClient> SignInAsync(string userName, string password)
    {
        // The host's clock is fake (March 2026), so its cookies may already be expired by the real clock: keep them by hand.
        var browser = host.CreateDefaultClient(new CookieJar());
        var form = await browser.GetStringAsync("/signin");
        using var signedIn = await browser.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName, ["Password"] = password, ["__RequestVerificationToken"] = Token(form),
        }));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return browser;
    }

    /// <summary>Sends back every cookie the host set, whatever its expiry; follows no redirect.</summary>
    private sealed class CookieJar : DelegatingHandler
    {
        private readonly Dictionary<string, string> _cookies = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            if (_cookies.Count > 0) request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
            var response = await base.SendAsync(request, ct);
            foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
            {
                var pair = header.Split(';')[0];
                var eq = pair.IndexOf('=');
                _cookies[pair[..eq]] = pair[(eq + 1)..];
            }
            return response;
        }
    }

    private static string Token(string html) => AntiforgeryToken().Match(html) is { Success: true } m
        ? m.Groups[1].Value
        : throw new InvalidOperationException("No antiforgery token in the form.");

    private static async Task<(HttpStatusCode Status, string Html)> GetAsync(HttpClient browser, string url)
    {
        using var response = await browser.GetAsync(url);
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    private static async Task<(HttpStatusCode Status, string Html, string? Location)> PostAsync(HttpClient browser, string url, string page,
        Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = Token(page);
        using var response = await browser.PostAsync(url, new FormUrlEncodedContent(fields));
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), response.Headers.Location?.OriginalString);
    }

    /// <summary>A new district whose alderman, signed in, has opened one of its pages (e.g. "invitations").</summary>
    private async Task<(TestDistrict District, HttpClient Browser, string Url, string Page)> AldermanOpensAsync(string name, string page)
    {
        var d = await TestDistrict.CreateAsync(host, TestDistrict.UniqueName(name), recordGateFacts: false);
        var browser = await SignInAsync(d.AldermanName, TestDistrict.AccountPassword);
        var url = $"/districts/{d.Slug}/{page}";
        var (_, html) = await GetAsync(browser, url);
        return (d, browser, url, html);
    }

    private static IReadOnlyList<string> Missing(string html) => MissingItem().Matches(html).Select(m => m.Groups[1].Value).ToList();

    [Fact]
    public async Task The_alderman_records_an_invitation_and_the_missing_sector_disappears_from_the_box()
    {
        var d = await TestDistrict.CreateAsync(host, TestDistrict.UniqueName("Namora"), recordGateFacts: false);
        var browser = await SignInAsync(d.AldermanName, TestDistrict.AccountPassword);
        var url = $"/districts/{d.Slug}/invitations";

        var (status, page) = await GetAsync(browser, url);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Sectores que aún faltan invitar", page);
        Assert.Equal(["health", "education", "local-authority", "water-board"], Missing(page));
        Assert.Contains("Al menos una JASS (junta administradora de agua)", page);

        var (posted, _, location) = await PostAsync(browser, $"{url}?handler=Add", page, new()
        {
            ["Organisation"] = "Puesto de Salud Namora", ["Sector"] = "health", ["Kind"] = "", ["Event"] = "planning-workshop-1",
            ["InvitedOn"] = "2026-02-27", ["Contact"] = "Obstetra",
        });
        Assert.Equal(HttpStatusCode.Redirect, posted);
        Assert.StartsWith(url, location);

        (_, page) = await GetAsync(browser, url);
        Assert.Equal(["education", "local-authority", "water-board"], Missing(page));
        Assert.Contains("Puesto de Salud Namora", page);
        Assert.Contains("Guardado", page);
        var stored = Assert.Single((await d.Mayor.GetAsync(GateFacts.Url(d.Slug, "invitations")).ExpectAsync(HttpStatusCode.OK)).EnumerateArray());
        Assert.Equal(("health", "2026-02-27", d.AldermanName), (stored.Str("sector"), stored.Str("invitedOn"), stored.Str("invitedBy")));
    }

    [Fact]
    public async Task An_amount_typed_with_a_thousands_comma_is_stored_as_thousands()
    {
        var (d, browser, url, page) = await AldermanOpensAsync("Sorochuco", "commitments");

        var (posted, _, _) = await PostAsync(browser, $"{url}?handler=Add", page, new()
        {
            ["Party"] = "Municipalidad", ["IsMunicipality"] = "true", ["What"] = "Rehabilitar el reservorio", ["Amount"] = "S/ 25,000",
            ["FirstYear"] = "2026", ["LastYear"] = "2026", ["DueOn"] = "2026-12-31",
        });

        Assert.Equal(HttpStatusCode.Redirect, posted);
        var stored = Assert.Single((await d.Mayor.GetAsync(GateFacts.Url(d.Slug, "commitments")).ExpectAsync(HttpStatusCode.OK)).EnumerateArray());
        Assert.Equal(25000m, stored.GetProperty("amount").GetDecimal());
    }

    [Fact]
    public async Task A_rejected_form_keeps_what_was_typed_with_the_error_next_to_the_field_and_a_stale_one_says_so()
    {
        var (d, browser, url, page) = await AldermanOpensAsync("Lucma", "invitations");

        var (status, html, _) = await PostAsync(browser, $"{url}?handler=Add", page, new()
        {
            ["Organisation"] = "", ["Sector"] = "community-organisation", ["Kind"] = "", ["Event"] = "planning-workshop-2",
            ["InvitedOn"] = "2026-02-27", ["Contact"] = "Presidente de la JASS Lucma",
        });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("value=\"Presidente de la JASS Lucma\"", html);
        Assert.Contains("value=\"2026-02-27\"", html);
        Assert.Matches(new Regex("<option value=\"planning-workshop-2\" selected"), html);
        Assert.Matches(new Regex("id=\"organisation\"[^>]*class=\"input-error\"[^<]*\\s*<div class=\"field-error\" role=\"alert\">Este dato es obligatorio.</div>"), html);
        Assert.Matches(new Regex("id=\"kind\"[^>]*class=\"input-error\">[\\s\\S]*?</select>\\s*<div class=\"field-error\" role=\"alert\">Este dato es obligatorio.</div>"), html);
        Assert.Empty((await d.Alderman.GetAsync(GateFacts.Url(d.Slug, "invitations")).ExpectAsync(HttpStatusCode.OK)).EnumerateArray());

        // Someone answers through the API while this page is open: the page's answer form is stale.
        var id = (await GateFacts.InviteAsync(d.Alderman, d.Slug, "UGEL Celendín", "education", invitedOn: "2026-02-27")).GetProperty("id").GetInt32();
        (_, page) = await GetAsync(browser, url);
        await d.Coordinator.PostAsJsonAsync($"{GateFacts.Url(d.Slug, "invitations")}/{id}/answer", new { answer = "declined" }).ExpectAsync(HttpStatusCode.OK);
        (status, html, _) = await PostAsync(browser, $"{url}?handler=Answer&id={id}", page, new() { ["answer"] = "accepted", ["answeredOn"] = "2026-03-01", ["version"] = "1" });
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("Otra persona cambió este registro", html);
        Assert.Contains("value=\"2026-03-01\"", html);
        Assert.Equal("declined", Assert.Single((await d.Alderman.GetAsync(GateFacts.Url(d.Slug, "invitations")).ExpectAsync(HttpStatusCode.OK)).EnumerateArray()).Str("answer"));
    }

    [Fact]
    public async Task Another_districts_alderman_cannot_open_the_pages_and_the_mayor_sees_them_without_forms()
    {
        var d = await TestDistrict.CreateAsync(host, TestDistrict.UniqueName("Oxamarca"));
        var outsider = await SignInAsync("alderman.utco", PropilasFactory.DemoPassword);
        foreach (var page in new[] { "invitations", "commitments", "committee", "plan" })
        {
            // 403, or a redirect to the page that says so (depending on the host's access-denied setup).
            using var response = await outsider.GetAsync($"/districts/{d.Slug}/{page}");
            var location = response.Headers.Location?.OriginalString ?? "";
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden || response.StatusCode == HttpStatusCode.Redirect && (location.Contains("403") || location.Contains("forbidden")),
                $"{page}: {(int)response.StatusCode} {location}");
            Assert.DoesNotContain("Sectores que aún faltan", await response.Content.ReadAsStringAsync());
        }
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(outsider, "/districts/no-such-district/plan")).Status);

        var mayor = await SignInAsync(d.MayorName, TestDistrict.AccountPassword);
        foreach (var page in new[] { "invitations", "commitments", "committee", "plan" })
        {
            var (status, html) = await GetAsync(mayor, $"/districts/{d.Slug}/{page}");
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.DoesNotContain("?handler=", html); // no form of the alderman's: the mayor reads these pages
        }
        var alderman = await SignInAsync(d.AldermanName, TestDistrict.AccountPassword);
        foreach (var (page, handler) in new[] { ("invitations", "Add"), ("commitments", "Fulfil"), ("committee", "Remove"), ("plan", "EditActivity") })
        {
            var (status, html) = await GetAsync(alderman, $"/districts/{d.Slug}/{page}");
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Contains($"handler={handler}", html);
        }
        var (_, commitments) = await GetAsync(mayor, $"/districts/{d.Slug}/commitments");
        Assert.Contains("Inversión anual en agua y saneamiento", commitments);
        Assert.Contains("S/ 100 000", commitments);
        using (var switched = await mayor.PostAsync("/culture", new FormUrlEncodedContent(new Dictionary<string, string> { ["culture"] = "en", ["returnUrl"] = "/" })))
            Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        var (_, inEnglish) = await GetAsync(mayor, $"/districts/{d.Slug}/commitments");
        Assert.Contains("S/ 100,000", inEnglish); // the sol in English too, not the generic "¤"
        Assert.DoesNotContain("¤", inEnglish);
        var (_, plan) = await GetAsync(mayor, $"/districts/{d.Slug}/plan");
        Assert.Contains("Cobertura de agua segura", plan);
        Assert.Contains("Área técnica municipal", plan);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("data-missing=\"([a-z-]+)\"")]
    private static partial Regex MissingItem();
}
