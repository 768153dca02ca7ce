using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Propilas.Browser.Tests;

/// <summary>The tariff and loan calculators as pages, for anyone signed in: they compute what the API computes and refuse bad input.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CalculatorPageTests(BrowserHost browser)
{
    [Theory]
    [InlineData("es", false, "Cuota mensual a cobrar")]
    [InlineData("en", true, "Monthly charge")]
    public async Task The_tariff_page_computes_what_the_API_computes(string language, bool phone, string monthly)
    {
        var page = await browser.SignedInAsync("atm.tacabamba", phone);
        await browser.UseLanguageAsync(page, language);
        await page.GotoAsync("/calculators/tariff");
        await page.GetByLabel(language == "es" ? "Comercial" : "Commercial", new() { Exact = true }).CheckAsync();
        await page.FillAsync("#fx-flush-toilet", "1");
        await page.FillAsync("#fx-kitchen-faucet", "2");
        await page.FillAsync("#fx-domestic-shower", "1");
        await page.Locator("#tariff-form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("#result"));

        var api = await PostAsync(page, "/api/calculations/tariff",
            new { use = "commercial", fixtures = new Dictionary<string, int> { ["flush-toilet"] = 1, ["kitchen-faucet"] = 2, ["domestic-shower"] = 1 } });
        Assert.Equal(15, api.GetProperty("units").GetInt32()); // 10 + 2 × 2 + 1: above the last step (12), one block of 5
        await Assertions.Expect(Figure(page, language == "es" ? "Unidades de la conexión" : "Units of the connection")).ToHaveTextAsync("15");
        Assert.Equal(api.GetProperty("monthlyCharge").GetDecimal(), Digits(await Figure(page, monthly).InnerTextAsync()));
        Assert.Equal(api.GetProperty("residentialCharge").GetDecimal(),
            Digits(await Figure(page, language == "es" ? "Cuota residencial" : "Residential charge").InnerTextAsync()));
        // Explained in words: the blocks above the last step and the commercial surcharge.
        await Assertions.Expect(page.Locator("#result p")).ToContainTextAsync(language == "es" ? "1 bloque(s) de 5 unidades" : "1 block(s) of 5 units");
        await Assertions.Expect(page.Locator("#result p")).ToContainTextAsync(language == "es" ? "50 % más" : "50 % more");
        await Assertions.Expect(page.Locator("#fx-kitchen-faucet")).ToHaveValueAsync("2"); // the inputs stay
        await BrowserHost.ScreenshotAsync(page, $"calculator-tariff-{language}-{(phone ? "phone" : "desktop")}");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        if (phone) await Accessibility.AssertNoSidewaysScrollAsync(page);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("es", true)]
    [InlineData("en", false)]
    public async Task The_tariff_page_refuses_bad_counts_with_the_error_summary_and_keeps_them(string language, bool phone)
    {
        var page = await browser.SignedInAsync("health-post.utco", phone);
        await browser.UseLanguageAsync(page, language);
        await page.GotoAsync("/calculators/tariff");
        await page.FillAsync("#fx-tub", "-1");
        await page.FillAsync("#fx-kitchen-faucet", "dos");
        var response = await page.RunAndWaitForResponseAsync(() => page.Locator("#tariff-form button[type=submit]").ClickAsync(), r => r.Url.Contains("/calculators/tariff?"));
        Assert.Equal(400, response.Status);

        var summary = page.Locator(".error-summary");
        await Assertions.Expect(summary.Locator("li")).ToHaveCountAsync(2);
        await Assertions.Expect(summary.Locator("a[href='#fx-tub']")).ToContainTextAsync(language == "es" ? "La cantidad no puede ser negativa (era -1)." : "count must not be negative (was -1)");
        await Assertions.Expect(summary.Locator("a[href='#fx-kitchen-faucet']")).ToContainTextAsync(language == "es" ? "«dos» no es un número" : "“dos” is not a number");
        await Assertions.Expect(page.Locator("#fx-kitchen-faucet")).ToHaveValueAsync("dos");
        await Assertions.Expect(page.Locator("#fx-tub")).ToHaveValueAsync("-1");
        await Assertions.Expect(page.Locator("#result .result")).ToHaveCountAsync(0);
        await summary.Locator("a[href='#fx-tub']").ClickAsync();
        await Assertions.Expect(page.Locator("#fx-tub")).ToBeInViewportAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        if (phone) await Accessibility.AssertNoSidewaysScrollAsync(page);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("es", true, "Cuota mensual")]
    [InlineData("en", false, "Monthly installment")]
    public async Task The_loan_page_computes_what_the_API_computes_with_the_rate_as_a_percentage(string language, bool phone, string installment)
    {
        var page = await browser.SignedInAsync("alderman.lajas", phone);
        await browser.UseLanguageAsync(page, language);
        await page.GotoAsync("/calculators/loan");
        await Assertions.Expect(page.Locator("#annualRatePct")).ToHaveValueAsync("6"); // the policy's 0.06, as people write it
        await page.FillAsync("#systemCost", "12,000,000");
        await page.FillAsync("#downPayment", "600 000");
        await page.FillAsync("#annualRatePct", "7.5 %");
        await page.FillAsync("#years", "10");
        await page.Locator("#loan-form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("#result"));

        var api = await PostAsync(page, "/api/calculations/loan", new { systemCost = 12_000_000m, downPayment = 600_000m, annualRate = 0.075m, years = 10 });
        Assert.Equal(api.GetProperty("installment").GetDecimal(), Digits(await Figure(page, installment).InnerTextAsync()));
        Assert.Equal(api.GetProperty("principal").GetDecimal(), Digits(await Figure(page, language == "es" ? "Monto prestado" : "Amount lent").InnerTextAsync()));
        Assert.Equal(api.GetProperty("totalPaid").GetDecimal(), Digits(await Figure(page, language == "es" ? "Total a pagar" : "Total repaid").InnerTextAsync()));
        await Assertions.Expect(page.Locator("#result table tbody tr")).ToHaveCountAsync(10); // a row a year
        await Assertions.Expect(page.Locator("#result p")).ToContainTextAsync(language == "es" ? "120 cuotas mensuales iguales" : "120 equal monthly installments");
        await BrowserHost.ScreenshotAsync(page, $"calculator-loan-{language}-{(phone ? "phone" : "desktop")}");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        if (phone) await Accessibility.AssertNoSidewaysScrollAsync(page);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("es", false)]
    [InlineData("en", true)]
    public async Task The_loan_page_refuses_bad_input_with_the_error_summary_in_the_pages_language(string language, bool phone)
    {
        var page = await browser.SignedInAsync("atm.lajas", phone);
        await browser.UseLanguageAsync(page, language);
        await page.GotoAsync("/calculators/loan");
        await page.FillAsync("#systemCost", "1000000");
        await page.FillAsync("#downPayment", "100");
        await page.FillAsync("#annualRatePct", "150");
        await page.FillAsync("#years", "");
        var response = await page.RunAndWaitForResponseAsync(() => page.Locator("#loan-form button[type=submit]").ClickAsync(), r => r.Url.Contains("/calculators/loan?"));
        Assert.Equal(400, response.Status);
        var summary = page.Locator(".error-summary");
        await Assertions.Expect(summary.Locator("a[href='#annualRatePct']")).ToContainTextAsync(language == "es" ? "porcentaje entre 0 y 100 (era 150)" : "percentage from 0 to 100 (was 150)");
        await Assertions.Expect(summary.Locator("a[href='#years']")).ToContainTextAsync(language == "es" ? "Este dato es obligatorio." : "is required");
        await Assertions.Expect(page.Locator("#systemCost")).ToHaveValueAsync("1000000");

        // With the rate and term right, the calculator's own check: the down payment below the minimum share.
        await page.FillAsync("#annualRatePct", "6");
        await page.FillAsync("#years", "5");
        await page.Locator("#loan-form button[type=submit]").ClickAsync();
        await Assertions.Expect(summary.Locator("a[href='#downPayment']")).ToContainTextAsync(language == "es" ? "Debe ser al menos el 5 % del costo del sistema" : "must be at least 5 % of the system cost");
        if (language == "es") await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("must");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        if (phone) await Accessibility.AssertNoSidewaysScrollAsync(page);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("es", false, "«25.000» puede leerse como 25 000 o como 25", "Monto prestado")]
    [InlineData("en", true, "“25.000” can be read as 25,000 or as 25", "Amount lent")]
    public async Task The_loan_page_refuses_an_ambiguous_cost_with_both_readings_and_reads_25_000_with_a_comma_as_twenty_five_thousand(
        string language, bool phone, string refusal, string lent)
    {
        var page = await FormPages.SignedInAsync(browser, "alderman.lajas", language, phone);
        await page.GotoAsync("/calculators/loan");
        await page.FillAsync("#systemCost", "25.000");
        await page.FillAsync("#downPayment", "2,500");
        await page.FillAsync("#years", "5");
        var response = await page.RunAndWaitForResponseAsync(() => page.Locator("#loan-form button[type=submit]").ClickAsync(), r => r.Url.Contains("/calculators/loan?"));
        Assert.Equal(400, response.Status);

        await Assertions.Expect(page.Locator(".error-summary a[href='#systemCost']")).ToContainTextAsync(refusal);
        await Assertions.Expect(page.Locator("#systemCost + .field-error")).ToContainTextAsync(refusal);
        await Assertions.Expect(page.Locator("#systemCost")).ToHaveValueAsync("25.000");
        await Assertions.Expect(page.Locator("#result .result")).ToHaveCountAsync(0);
        await FormPages.AssertUsableAsync(page);

        await page.FillAsync("#systemCost", "25,000");
        await page.Locator("#loan-form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#result .result")).ToHaveCountAsync(1);
        Assert.Equal(22_500m, Digits(await Figure(page, lent).InnerTextAsync())); // 25,000 less 2,500
        await page.Context.CloseAsync();
    }

    private static ILocator Figure(IPage page, string label) =>
        page.Locator("#result dl.figures > div", new() { Has = page.Locator("dt", new() { HasTextRegex = new Regex($"^{Regex.Escape(label)}$") }) }).Locator("dd");

    private static decimal Digits(string text) => decimal.Parse(Regex.Replace(text, @"[^\d-]", ""));

    /// <summary>The API, called as a client does: a bearer token for the demo calculator user, then the same input.</summary>
    private static async Task<JsonElement> PostAsync(IPage page, string path, object body)
    {
        var login = await page.APIRequest.PostAsync("/api/auth/login",
            new() { DataObject = new { email = "coordinator", password = Propilas.Host.Tests.Infrastructure.PropilasFactory.DemoPassword } });
        Assert.Equal(200, login.Status);
        var token = (await login.JsonAsync())!.Value.GetProperty("accessToken").GetString();
        var response = await page.APIRequest.PostAsync(path, new() { DataObject = body, Headers = new Dictionary<string, string> { ["Authorization"] = $"Bearer {token}" } });
        Assert.Equal(200, response.Status);
        return (await response.JsonAsync())!.Value;
    }
}
