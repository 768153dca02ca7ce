using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Propilas.Host.Tests.Infrastructure;

namespace Propilas.Browser.Tests;

/// <summary>Each person opens the address, signs in and lands on what they must do, soonest due first, in sight on a phone.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LandingTests(BrowserHost browser)
{
    /// <summary>User, role (for the screenshot's name), where they land, and what their first item says (Spanish, English).</summary>
    public static TheoryData<string, string, string, string, string> People => new()
    {
        { "mayor.san-juan", "mayor", "/work", "Aprobación por el concejo municipal", "Council approval" },
        { "alderman.lajas", "alderman", "/work", "No tiene nada pendiente por ahora.", "There is nothing for you to do right now." },
        { "atm.tacabamba", "atm", "/work", "Visita a la JASS", "Water board visit" },
        { "health-post.utco", "health-post", "/work", "Brindar información sobre la clasificación de riesgos sanitarios",
            "Provide information on the classification of health risks" },
        { "coordinator", "coordinator", "/portfolio", "", "" },
    };

    [Theory]
    [MemberData(nameof(People))]
    public async Task Each_person_lands_on_their_work_with_the_first_item_in_sight(string user, string role, string landsOn, string firstEs, string firstEn)
    {
        foreach (var phone in new[] { false, true })
        {
            var page = await browser.FreshPageAsync(phone);
            await page.GotoAsync("/");
            await BrowserHost.SignInHereAsync(page, user);
            Assert.Equal(landsOn, new Uri(page.Url).AbsolutePath);

            var first = FirstItem(page, role);
            await Assertions.Expect(first).ToContainTextAsync(firstEs);
            await Accessibility.AssertInSightAsync(page, first);
            if (role != "coordinator")
            {
                await AssertInDueOrderAsync(page);
                await Accessibility.AssertNoSeriousViolationsAsync(page);
                await Accessibility.AssertNoSidewaysScrollAsync(page);
            }
            await BrowserHost.ScreenshotAsync(page, $"landing-{role}-{(phone ? 360 : 1280)}");

            await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
            await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
            await Assertions.Expect(first).ToContainTextAsync(firstEn);
            await Accessibility.AssertInSightAsync(page, first);
            if (role != "coordinator")
            {
                await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("My work");
                await AssertInDueOrderAsync(page);
                await Accessibility.AssertNoSeriousViolationsAsync(page);
                await Accessibility.AssertNoSidewaysScrollAsync(page);
            }
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task The_mayor_sees_the_overdue_approval_and_the_gate_it_holds_with_dates_in_each_language()
    {
        var page = await browser.SignedInAsync("mayor.san-juan", phone: true);
        await page.GotoAsync("/work");
        var items = page.Locator("ol.work > li");
        await Assertions.Expect(items).ToHaveCountAsync(2);
        await Assertions.Expect(items.First).ToContainTextAsync("Vence 18/07/2005");
        await Assertions.Expect(items.First.Locator(".badge.overdue")).ToHaveTextAsync("Vencido");
        await Assertions.Expect(items.First.Locator("a")).ToHaveAttributeAsync("href", "/districts/san-juan#step-council-resolution");
        // The gate is the mayor's too, and says what it still waits for.
        await Assertions.Expect(items.Nth(1)).ToContainTextAsync("Falta completar el paso «Aprobación por el concejo municipal».");
        await Assertions.Expect(items.Nth(1).Locator("a")).ToHaveAttributeAsync("href", "/districts/san-juan#gate-institutional");

        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(items.First).ToContainTextAsync("Due 18 Jul 2005");
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("18/07/2005");

        await items.First.Locator("a").ClickAsync();
        await page.WaitForURLAsync("**/districts/san-juan#step-council-resolution");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_alderman_sees_unanswered_invitations_and_commitments_falling_due_soonest_first()
    {
        var district = await TestDistrict.CreateAsync(browser.Host, TestDistrict.UniqueName("Bambamarca"));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        // Answered within 14 days by the invitation rule: the older one is overdue, the newer one is not.
        await GateFacts.InviteAsync(district.Alderman, district.Slug, "Ronda campesina de prueba", "community-organisation", "peasant-patrol",
            invitedOn: Iso(today.AddDays(-20)));
        await GateFacts.InviteAsync(district.Alderman, district.Slug, "ONG de prueba", "ngo", invitedOn: Iso(today));
        foreach (var (party, days) in new[] { ("Puesto de salud", 5), ("UGEL", 200) })
            await district.Alderman.PostAsJsonAsync($"/api/districts/{district.Slug}/commitments",
                new { party, isMunicipality = false, what = "Vigilar el cloro residual", dueOn = Iso(today.AddDays(days)) }).ExpectAsync(HttpStatusCode.Created);

        var page = await browser.FreshPageAsync(phone: true);
        await page.GotoAsync("/");
        await BrowserHost.SignInHereAsync(page, district.AldermanName, TestDistrict.AccountPassword);
        Assert.Equal("/work", new Uri(page.Url).AbsolutePath);

        var items = page.Locator("ol.work > li");
        // The answered invitations of the gate facts, the commitment due in 200 days and the one due in 2031 are not work yet.
        await Assertions.Expect(items).ToHaveCountAsync(3);
        await Assertions.Expect(items.Nth(0)).ToContainTextAsync("Ronda campesina de prueba");
        await Assertions.Expect(items.Nth(0).Locator(".badge.overdue")).ToBeVisibleAsync();
        await Assertions.Expect(items.Nth(1)).ToContainTextAsync("Puesto de salud: Vigilar el cloro residual");
        await Assertions.Expect(items.Nth(1).Locator(".badge.overdue")).ToHaveCountAsync(0);
        await Assertions.Expect(items.Nth(2)).ToContainTextAsync("ONG de prueba");
        await AssertInDueOrderAsync(page);
        await Accessibility.AssertInSightAsync(page, items.First);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Accessibility.AssertNoSidewaysScrollAsync(page);

        await items.Nth(1).Locator("a").ClickAsync();
        Assert.Matches($"/districts/{district.Slug}/commitments#commitment-\\d+$", page.Url);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_technical_area_sees_boards_with_critical_alerts_first_then_the_longest_unvisited()
    {
        var page = await browser.SignedInAsync("atm.tacabamba");
        await page.GotoAsync("/work");
        var items = page.Locator("ol.work > li");
        // Most of Tacabamba's 63 boards are due a visit: the most urgent come first, the rest one link away.
        await Assertions.Expect(items).ToHaveCountAsync(20);
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Ver las \\d+ tareas$") }).ClickAsync();
        Assert.True(await items.CountAsync() > 20);
        var urgent = await items.EvaluateAllAsync<bool[]>("items => items.map(i => i.dataset.urgent === 'true')");
        Assert.Contains(true, urgent);
        Assert.Contains(false, urgent);
        Assert.True(urgent.SkipWhile(u => u).All(u => !u), "boards with a critical alert come first");
        await Assertions.Expect(items.First).ToContainTextAsync("Alertas críticas:");
        await Assertions.Expect(items.First.Locator("a")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^/districts/tacabamba/water-boards/\\d+#visits$"));
        await AssertInDueOrderAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_health_post_sees_only_its_own_obligations_each_linking_to_its_fulfil_form()
    {
        var page = await browser.SignedInAsync("health-post.utco");
        await page.GotoAsync("/work");
        var items = page.Locator("ol.work > li");
        Assert.True(await items.CountAsync() > 0);
        foreach (var kind in await items.Locator(".kind").AllTextContentsAsync()) Assert.Equal("Obligación del puesto de salud", kind);

        var href = await items.First.Locator("a").GetAttributeAsync("href");
        Assert.Matches("^/districts/utco/obligations\\?stakeholder=ministryOfHealth#obligation-\\d+$", href);
        await items.First.Locator("a").ClickAsync();
        var anchor = href![(href!.IndexOf('#') + 1)..];
        await Assertions.Expect(page.Locator($"#{anchor} summary")).ToHaveTextAsync("Marcar como cumplida");
        await page.Context.CloseAsync();
    }

    private static ILocator FirstItem(IPage page, string role) => role switch
    {
        "coordinator" => page.Locator("#portfolio tbody tr").First,
        _ => page.Locator("ol.work > li, #nothing-to-do").First,
    };

    /// <summary>Urgent items first; then undated (never visited) before dated; dated ones soonest first.</summary>
    private static async Task AssertInDueOrderAsync(IPage page)
    {
        var keys = await page.Locator("ol.work > li").EvaluateAllAsync<string[]>(
            "items => items.map(i => (i.dataset.urgent === 'true' ? '0' : '1') + (i.dataset.due || '0000-00-00'))");
        Assert.Equal(keys.Order(StringComparer.Ordinal).ToArray(), keys);
    }
}
