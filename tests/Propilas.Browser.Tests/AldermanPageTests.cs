using Microsoft.Playwright;
using Propilas.Host.Tests.Infrastructure;

namespace Propilas.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class AldermanPageTests(BrowserHost browser)
{
    [Fact]
    public async Task An_alderman_records_an_invitation_and_the_missing_sector_disappears()
    {
        var district = await TestDistrict.CreateAsync(browser.Host, TestDistrict.UniqueName("Invitaciones"), recordGateFacts: false);
        var page = await browser.SignedInAsync(district.AldermanName, password: TestDistrict.AccountPassword);
        await page.GotoAsync($"/districts/{district.Slug}/invitations");

        var missing = page.Locator("#missing-sectors");
        await Assertions.Expect(missing.Locator("[data-missing=health]")).ToBeVisibleAsync();
        await Assertions.Expect(missing.Locator("[data-missing=education]")).ToBeVisibleAsync();

        await page.FillAsync("#organisation", "Puesto de salud de Jerez");
        await page.SelectOptionAsync("#sector", "health");
        await page.FillAsync("#contact", "Técnico sanitario, 976 000 111");
        await page.SelectOptionAsync("#event", new SelectOptionValue { Index = 1 });
        await page.FillAsync("#invited-on", "2026-02-10");
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrar invitación" }).ClickAsync();

        await Assertions.Expect(missing.Locator("[data-missing=health]")).ToHaveCountAsync(0);
        await Assertions.Expect(missing.Locator("[data-missing=education]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("Puesto de salud de Jerez");
        await BrowserHost.ScreenshotAsync(page, "alderman-invitations");
    }
}
