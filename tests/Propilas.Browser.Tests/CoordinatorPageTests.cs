using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Propilas.Host.Tests.Infrastructure;

namespace Propilas.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class CoordinatorPageTests(BrowserHost browser)
{
    [Fact]
    public async Task The_coordinator_sees_a_new_alert_appear_on_the_portfolio()
    {
        var page = await browser.SignedInAsync("coordinator");
        await page.GotoAsync("/portfolio");
        var cell = page.Locator("tr[data-district=utco] td.alerts");
        var before = int.Parse((await cell.GetAttributeAsync("data-open-alerts"))!);

        // The technical area registers a water board that does not chlorinate and has had no municipal visit:
        // the district is re-evaluated before the API answers.
        using var atm = await browser.Host.LoginAsync("atm.utco");
        var added = await atm.PostAsJsonAsync("/api/districts/utco/water-boards", new
        {
            name = "JASS Nueva Esperanza", locality = "Nueva Esperanza", waterSystem = "Sistema por gravedad Nueva Esperanza",
            legallyConstituted = true, aomTrained = true, hasOmPlan = true, chlorinates = false,
            lastTariffReviewOn = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(-2).ToString("yyyy-MM-dd"),
            hasReplacementFund = false, annualTariffRevenue = 9000m, annualOmCost = 3000m, annualDebtService = 0m, annualReplacementProvision = 500m,
        });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);

        await page.ReloadAsync();
        var after = int.Parse((await cell.GetAttributeAsync("data-open-alerts"))!);
        Assert.True(after > before, $"open alerts of Utco went from {before} to {after}");
        await BrowserHost.ScreenshotAsync(page, "coordinator-portfolio-new-alert");

        await page.GotoAsync("/districts/utco/water-boards");
        var row = page.Locator("tr", new() { HasText = "JASS Nueva Esperanza" });
        await Assertions.Expect(row).ToContainTextAsync("No clora"); // the alert's badge on the new board
    }
}
