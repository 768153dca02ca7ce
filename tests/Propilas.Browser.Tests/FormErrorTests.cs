using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Propilas.Host.Tests.Infrastructure;

namespace Propilas.Browser.Tests;

/// <summary>
/// Issue 16, points 5 to 7 on the form pages: usable in both languages at 1280 and 360 px (axe-core, no sideways scroll),
/// refused forms open with their error summary in the page's language, dates in one format, risky actions ask first.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FormErrorTests(BrowserHost browser)
{
    /// <summary>The form pages of the largest pilot (Tacabamba: most invitations, boards and commitments) and the health post's own obligations.</summary>
    public static TheoryData<string, string> Pages() => new()
    {
        { "alderman.tacabamba", "/districts/tacabamba/invitations" }, { "alderman.tacabamba", "/districts/tacabamba/commitments" },
        { "alderman.tacabamba", "/districts/tacabamba/committee" }, { "alderman.tacabamba", "/districts/tacabamba/plan" },
        { "atm.tacabamba", "/districts/tacabamba/water-boards" }, { "health-post.lajas", "/districts/lajas/obligations" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public Task A_form_page_is_usable_in_both_languages_on_both_screens_and_writes_dates_one_way(string user, string path) =>
        browser.OnEveryScreenAsync(user, path, async (page, language, _) =>
        {
            await FormPages.AssertUsableAsync(page);
            var text = await page.Locator("main").InnerTextAsync();
            Assert.DoesNotMatch(new Regex(@"\b\d{4}-\d{2}-\d{2}\b"), text); // never ISO beside local
            if (!path.EndsWith("/committee") && !path.EndsWith("/plan"))
                Assert.Matches(language == "es" ? new Regex(@"\b\d{2}/\d{2}/\d{4}\b") : new Regex(@"\b\d{1,2} [A-Z][a-z]{2} \d{4}\b"), text);
            if (language == "es") Assert.DoesNotMatch(new Regex(@"\b(is required|must be|already exists)\b"), text);
        });

    [Theory]
    [InlineData("es", false, "Este dato es obligatorio.", "Hay un problema")]
    [InlineData("en", true, "This is required.", "There is a problem")]
    public async Task Registering_a_district_without_its_name_answers_in_the_pages_language_at_the_form(string language, bool phone, string required, string title)
    {
        var page = await FormPages.SignedInAsync(browser, "coordinator", language, phone);
        await page.GotoAsync("/portfolio/new");
        await page.Locator("#new-district-form button[type=submit]").ClickAsync();

        await page.WaitForURLAsync(new Regex("#new-district-form$"));
        var summary = page.Locator(".error-summary");
        await Assertions.Expect(summary.Locator("h2")).ToHaveTextAsync(title);
        await Assertions.Expect(summary.Locator("a[href='#name']")).ToHaveTextAsync(required);
        await Assertions.Expect(summary.Locator("a[href='#province']")).ToHaveTextAsync(required);
        await FormPages.AssertUsableAsync(page);

        await page.FillAsync("#name", "San Juan");
        await page.FillAsync("#province", "Cajamarca");
        await page.Locator("#new-district-form button[type=submit]").ClickAsync();
        await Assertions.Expect(summary.Locator("a[href='#name']")).ToHaveTextAsync(language == "es" ? "Ya existe un distrito «san-juan»." : "A district “san-juan” already exists.");
        await BrowserHost.ScreenshotAsync(page, $"portfolio-new-refused-{language}");
    }

    [Theory]
    [InlineData("es", false, "Anular", "Sí, anular el compromiso", "Anulado", "31/12/2026")]
    [InlineData("en", true, "Cancel", "Yes, cancel the commitment", "Cancelled", "31 Dec 2026")]
    public async Task Cancelling_a_commitment_asks_first(string language, bool phone, string cancel, string yes, string cancelled, string due)
    {
        var district = await TestDistrict.CreateAsync(browser.Host, TestDistrict.UniqueName("Anular"), recordGateFacts: false);
        var id = (await district.Alderman.PostAsJsonAsync($"/api/districts/{district.Slug}/commitments",
            new { party = "ONG Agua Viva", what = "Capacitación de la JASS", dueOn = "2026-12-31" }).ExpectAsync(System.Net.HttpStatusCode.Created)).GetProperty("id").GetInt32();
        var page = await FormPages.SignedInAsync(browser, district.AldermanName, language, phone, TestDistrict.AccountPassword);
        await page.GotoAsync($"/districts/{district.Slug}/commitments");
        var row = page.Locator($"#commitment-{id}");
        await Assertions.Expect(row).ToContainTextAsync(due);

        await row.Locator("summary", new() { HasText = cancel }).ClickAsync();
        await row.Locator($"#reason-{id}").FillAsync("La ONG se retiró del distrito");
        await row.Locator($"#cancel-{id}-form button[type=submit]").ClickAsync();

        await page.WaitForURLAsync(new Regex($"#cancel-{id}-form$"));
        var confirm = page.Locator($"#cancel-{id}-form .confirm");
        await Assertions.Expect(confirm).ToBeVisibleAsync();
        await Assertions.Expect(confirm).ToBeInViewportAsync();
        await FormPages.AssertUsableAsync(page);
        await BrowserHost.ScreenshotAsync(page, $"commitment-cancel-confirm-{language}");
        Assert.Equal("pending", await StatusAsync(district, id)); // asking changed nothing

        await confirm.GetByRole(AriaRole.Button, new() { Name = yes }).ClickAsync();
        await Assertions.Expect(page.Locator($"#commitment-{id} .badge").First).ToHaveTextAsync(cancelled);
        Assert.Equal("cancelled", await StatusAsync(district, id));
    }

    [Theory]
    [InlineData("es", true, "Sí, retirar", "No, volver")]
    [InlineData("en", false, "Yes, remove", "No, go back")]
    public async Task Removing_a_committee_member_asks_first_and_going_back_keeps_them(string language, bool phone, string yes, string no)
    {
        var district = await TestDistrict.CreateAsync(browser.Host, TestDistrict.UniqueName("Comite"), recordGateFacts: false);
        var id = (await district.Alderman.PostAsJsonAsync($"/api/districts/{district.Slug}/committee",
            new { name = "Rosa Chávez", organisation = "Puesto de Salud", sector = "health", role = "vocal" }).ExpectAsync(System.Net.HttpStatusCode.Created)).GetProperty("id").GetInt32();
        var page = await FormPages.SignedInAsync(browser, district.AldermanName, language, phone, TestDistrict.AccountPassword);
        await page.GotoAsync($"/districts/{district.Slug}/committee");

        await page.Locator($"#remove-{id}-form button[type=submit]").ClickAsync();
        var confirm = page.Locator($"#remove-{id}-form .confirm");
        await Assertions.Expect(confirm).ToBeVisibleAsync();
        await FormPages.AssertUsableAsync(page);
        await confirm.GetByRole(AriaRole.Link, new() { Name = no }).ClickAsync();
        await Assertions.Expect(page.Locator($"#member-{id}")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".confirm")).ToHaveCountAsync(0);

        await page.Locator($"#remove-{id}-form button[type=submit]").ClickAsync();
        await page.Locator($"#remove-{id}-form .confirm").GetByRole(AriaRole.Button, new() { Name = yes }).ClickAsync();
        await Assertions.Expect(page.Locator($"#member-{id}")).ToHaveCountAsync(0);
    }

    private static async Task<string> StatusAsync(TestDistrict district, int id) =>
        (await district.Mayor.GetAsync($"/api/districts/{district.Slug}/commitments").ExpectAsync(System.Net.HttpStatusCode.OK))
            .EnumerateArray().Single(c => c.GetProperty("id").GetInt32() == id).GetProperty("status").GetString()!;
}
