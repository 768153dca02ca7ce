using System.Net;
using Microsoft.Playwright;
using Propilas.Host.Tests.Infrastructure;

namespace Propilas.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class ProcessPageTests(BrowserHost browser)
{
    [Fact]
    public async Task A_mayor_approves_a_gate_from_the_process_page()
    {
        var district = await TestDistrict.CreateAsync(browser.Host, TestDistrict.UniqueName("Navegador"));
        await district.CompleteStageAsync("preparatory");

        var page = await browser.SignedInAsync(district.MayorName, password: TestDistrict.AccountPassword);
        await page.GotoAsync($"/districts/{district.Slug}");
        await BrowserHost.ScreenshotAsync(page, "mayor-process-gate-ready");
        var gate = page.Locator("#gate-preparatory");
        // If something still blocks the gate, fail here showing what (the button would only be disabled).
        await Assertions.Expect(gate).ToContainTextAsync("Todo listo: la etapa puede aprobarse.");
        await gate.GetByRole(AriaRole.Button, new() { Name = "Aprobar la etapa" }).ClickAsync();

        await page.WaitForURLAsync($"**/districts/{district.Slug}#gate-preparatory");
        await Assertions.Expect(page.Locator("#gate-preparatory .notice.ok")).ToContainTextAsync("Aprobada por " + district.MayorName);
        await Assertions.Expect(page.Locator("#stage-design .badge").First).ToHaveTextAsync("En curso");
        var process = await district.ProcessAsync();
        Assert.Equal("approved", process.Stage("preparatory").Str("status"));
        await BrowserHost.ScreenshotAsync(page, "mayor-process-after-approval");
    }

    [Fact]
    public async Task A_mayor_cannot_open_another_districts_page()
    {
        var page = await browser.SignedInAsync("mayor.utco");
        var response = await page.GotoAsync("/districts/lajas");
        Assert.Equal((int)HttpStatusCode.Forbidden, response!.Status);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("No tiene permiso para ver esta página.");
        await Assertions.Expect(page.Locator("body")).Not.ToContainTextAsync("Lajas");
    }

    [Fact]
    public async Task The_language_switch_changes_the_pages_and_is_remembered()
    {
        var page = await browser.SignedInAsync("mayor.san-juan", phone: true);
        await page.GotoAsync("/districts/san-juan");
        await Assertions.Expect(page.Locator("#stage-preparatory h2")).ToContainTextAsync("Etapa preparatoria");
        await BrowserHost.ScreenshotAsync(page, "mayor-process-phone-es");

        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.Locator("#stage-preparatory h2")).ToContainTextAsync("Preparatory stage");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");

        await page.GotoAsync("/districts/san-juan"); // a later visit keeps the choice
        await Assertions.Expect(page.Locator("#stage-institutional h2")).ToContainTextAsync("Institutional arrangements stage");
        await BrowserHost.ScreenshotAsync(page, "mayor-process-phone-en");
        await page.GetByRole(AriaRole.Button, new() { Name = "Español" }).ClickAsync();
        await Assertions.Expect(page.Locator("#stage-preparatory h2")).ToContainTextAsync("Etapa preparatoria");
    }
}
