using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Propilas.Host.Tests.Infrastructure;

namespace Propilas.Browser.Tests;

/// <summary>Issue 16, point 4: a number is stored as meant, or refused with both readings where the eye is.</summary>
[Collection(BrowserCollection.Name)]
public sealed class NumberEntryTests(BrowserHost browser)
{
    [Theory]
    [InlineData("es", false, "«25.000» puede leerse como 25 000 o como 25", "Hay un problema", "Registrar compromiso", "S/ 25 000")]
    [InlineData("en", true, "“25.000” can be read as 25,000 or as 25", "There is a problem", "Record a commitment", "S/ 25,000")]
    public async Task An_ambiguous_amount_comes_back_to_its_form_with_both_readings_and_the_corrected_one_is_stored(string language, bool phone,
        string refusal, string summaryTitle, string addButton, string shown)
    {
        var district = await TestDistrict.CreateAsync(browser.Host, TestDistrict.UniqueName("Montos"), recordGateFacts: false);
        var page = await FormPages.SignedInAsync(browser, district.AldermanName, language, phone, TestDistrict.AccountPassword);
        await page.GotoAsync($"/districts/{district.Slug}/commitments");

        await page.FillAsync("#party", "Comunidad de Chugur");
        await page.FillAsync("#what", "Aporte en mano de obra");
        await page.FillAsync("#amount", "25.000");
        await page.FillAsync("#due-on", "2026-12-31");
        await page.GetByRole(AriaRole.Button, new() { Name = addButton, Exact = true }).ClickAsync();

        await page.WaitForURLAsync(new Regex("#add-form$"));
        var summary = page.Locator("#add-form .error-summary");
        await Assertions.Expect(summary.Locator("h2")).ToHaveTextAsync(summaryTitle);
        await Assertions.Expect(summary.GetByRole(AriaRole.Link)).ToContainTextAsync(refusal);
        await Assertions.Expect(page.Locator("#amount + .field-error")).ToContainTextAsync(refusal);
        await Assertions.Expect(page.Locator("#amount")).ToHaveValueAsync("25.000");
        await Assertions.Expect(summary).ToBeInViewportAsync(); // the eye is on the form, not 5,000 px above it
        await FormPages.AssertUsableAsync(page);
        await BrowserHost.ScreenshotAsync(page, $"number-refused-{language}-{(phone ? "phone" : "desktop")}");

        await summary.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.Locator("#amount")).ToBeInViewportAsync();
        await page.FillAsync("#amount", "25,000");
        await page.GetByRole(AriaRole.Button, new() { Name = addButton, Exact = true }).ClickAsync();

        await Assertions.Expect(page.Locator("ul.steps li").First).ToContainTextAsync(shown);
        var stored = (await district.Mayor.GetAsync($"/api/districts/{district.Slug}/commitments").ExpectAsync(System.Net.HttpStatusCode.OK)).EnumerateArray().Single();
        Assert.Equal(25000m, stored.GetProperty("amount").GetDecimal());
    }

    [Theory]
    [InlineData("es", true, "«3.500» puede leerse como 3 500 o como 3.5")]
    [InlineData("en", false, "“3.500” can be read as 3,500 or as 3.5")]
    public async Task A_boards_yearly_income_of_3_500_is_refused_not_stored_as_three_soles_fifty(string language, bool phone, string refusal)
    {
        var district = await TestDistrict.CreateAsync(browser.Host, TestDistrict.UniqueName("Ingresos"), recordGateFacts: false);
        var page = await FormPages.SignedInAsync(browser, district.AldermanName, language, phone, TestDistrict.AccountPassword);
        await page.GotoAsync($"/districts/{district.Slug}/water-boards");

        await page.Locator("#add summary").ClickAsync();
        await page.FillAsync("#f-name", "Chanta Alta");
        await page.FillAsync("#f-locality", "Chanta");
        await page.FillAsync("#f-waterSystem", "SAP Chanta Alta");
        await page.FillAsync("#f-annualTariffRevenue", "3.500");
        await page.Locator("#add-form button[type=submit]").ClickAsync();

        await page.WaitForURLAsync(new Regex("#add-form$"));
        await Assertions.Expect(page.Locator("#add-form .error-summary a[href='#f-annualTariffRevenue']")).ToContainTextAsync(refusal);
        await FormPages.AssertUsableAsync(page);
        var boards = await district.Mayor.GetAsync($"/api/districts/{district.Slug}/water-boards").ExpectAsync(System.Net.HttpStatusCode.OK);
        Assert.Empty(boards.GetProperty("boards").EnumerateArray());
    }

    [Theory]
    [InlineData("es", false, "«25.000» puede leerse como 25 000 o como 25", "Registrar", "12/01/2026")]
    [InlineData("en", true, "“25.000” can be read as 25,000 or as 25", "Record", "12 Jan 2026")]
    public async Task An_ambiguous_count_in_a_steps_evidence_is_refused_with_both_readings_and_nothing_is_recorded(string language, bool phone,
        string refusal, string record, string date)
    {
        var district = await TestDistrict.CreateAsync(browser.Host, TestDistrict.UniqueName("Talleres"), recordGateFacts: false);
        var page = await FormPages.SignedInAsync(browser, "coordinator", language, phone);
        await page.GotoAsync($"/districts/{district.Slug}");
        var step = page.Locator("#step-methodology");
        await step.Locator("summary", new() { HasText = record }).ClickAsync();
        await page.FillAsync("#methodology-workshopsHeld", "25.000");
        await page.FillAsync("#methodology-workshopDates", date);
        await step.GetByRole(AriaRole.Button, new() { Name = record }).ClickAsync();

        await page.WaitForURLAsync(new Regex("#step-methodology$"));
        await Assertions.Expect(step.Locator(".error-summary a[href='#methodology-workshopsHeld']")).ToContainTextAsync(refusal);
        await Assertions.Expect(page.Locator("#methodology-workshopsHeld + .field-error")).ToContainTextAsync(refusal);
        await Assertions.Expect(page.Locator("#methodology-workshopsHeld")).ToHaveValueAsync("25.000");
        await FormPages.AssertUsableAsync(page);
        Assert.Equal("ready", (await district.ProcessAsync()).Step("methodology").Str("status"));

        await page.FillAsync("#methodology-workshopsHeld", "25,000");
        await step.GetByRole(AriaRole.Button, new() { Name = record }).ClickAsync();
        await Assertions.Expect(page.Locator("#methodology-workshopsHeld")).ToHaveCountAsync(0); // the step is done: its form is gone
        Assert.Equal(25000, (await district.ProcessAsync()).Step("methodology").GetProperty("evidence").GetProperty("workshopsHeld").GetInt32());
    }

    [Theory]
    [InlineData("es", true, "«25.000» puede leerse como 25 000 o como 25")]
    [InlineData("en", false, "“25.000” can be read as 25,000 or as 25")]
    public async Task An_ambiguous_planning_figure_is_refused_with_both_readings_and_the_corrected_one_is_stored(string language, bool phone, string refusal)
    {
        var district = await TestDistrict.CreateAsync(browser.Host, TestDistrict.UniqueName("Planes"), recordGateFacts: false);
        await district.Coordinator.EnsureInvestmentInputsAsync(district.Slug);
        var page = await FormPages.SignedInAsync(browser, district.MayorName, language, phone, TestDistrict.AccountPassword);
        await page.GotoAsync($"/districts/{district.Slug}/investment-plan");

        // A parameter of the what-if: refused, then read as typed.
        await page.FillAsync("#p-newSystemCostPerCapitaUsd", "25.000");
        await page.Locator("#parameters button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(new Regex("#plan$"));
        await Assertions.Expect(page.Locator("#plan .error-summary a[href='#p-newSystemCostPerCapitaUsd']")).ToContainTextAsync(refusal);
        await Assertions.Expect(page.Locator("#p-newSystemCostPerCapitaUsd + .field-error")).ToContainTextAsync(refusal);
        await Assertions.Expect(page.Locator("#p-newSystemCostPerCapitaUsd")).ToHaveValueAsync("25.000");
        await FormPages.AssertUsableAsync(page);
        await page.FillAsync("#p-newSystemCostPerCapitaUsd", "25,000");
        await page.Locator("#parameters button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#plan .error-summary")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#p-newSystemCostPerCapitaUsd + .field-error")).ToHaveCountAsync(0);

        // A figure of the inputs: refused and not saved, then saved as meant.
        await page.FillAsync("#i-investmentBudget", "25.000");
        await page.Locator("#inputs button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(new Regex("#inputs$"));
        await Assertions.Expect(page.Locator("#inputs .error-summary a[href='#i-investmentBudget']")).ToContainTextAsync(refusal);
        await Assertions.Expect(page.Locator("#i-investmentBudget")).ToHaveValueAsync("25.000");
        await FormPages.AssertUsableAsync(page);
        Assert.Equal(3245144m, (await InputsAsync(district)).GetProperty("investmentBudget").GetDecimal());

        await page.FillAsync("#i-investmentBudget", "25,000");
        await page.Locator("#inputs button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#i-investmentBudget")).ToHaveValueAsync("25000"); // saved, and shown back as stored
        Assert.Equal(25000m, (await InputsAsync(district)).GetProperty("investmentBudget").GetDecimal());
    }

    private static async Task<System.Text.Json.JsonElement> InputsAsync(TestDistrict district) =>
        (await district.Mayor.GetAsync($"/api/districts/{district.Slug}/investment-plan").ExpectAsync(System.Net.HttpStatusCode.OK)).GetProperty("inputs");
}
