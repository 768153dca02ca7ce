using Microsoft.Playwright;
using Propilas.Host.Tests.Infrastructure;

namespace Propilas.Browser.Tests;

/// <summary>The coordinator creates a district's accounts from a page, through the same code as the API.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccountPageTests(BrowserHost browser)
{
    [Theory]
    [InlineData("es", false, "Cuenta creada", "ATM (Área Técnica Municipal)")]
    [InlineData("en", true, "Account created", "ATM (municipal technical area)")]
    public async Task An_account_created_from_the_page_signs_in(string language, bool phone, string created, string roleName)
    {
        var district = await TestDistrict.CreateAsync(browser.Host, TestDistrict.UniqueName("Cuentas"), recordGateFacts: false);
        var page = await browser.SignedInAsync("coordinator", phone);
        await browser.UseLanguageAsync(page, language);
        await page.GotoAsync("/portfolio/accounts");
        var userName = $"atm.{district.Slug}";
        const string password = "Agua-Segura-2006";

        await page.SelectOptionAsync("#account-district", district.Slug);
        await page.SelectOptionAsync("#account-role", "atm");
        await page.FillAsync("#account-userName", userName);
        await page.FillAsync("#account-password", password);
        await page.Locator("#account-form button[type=submit]").ClickAsync();

        await page.WaitForURLAsync(url => url.Contains($"district={district.Slug}"));
        await Assertions.Expect(page.Locator(".notice.ok")).ToContainTextAsync($"{created}: {userName}");
        await Assertions.Expect(page.Locator("#accounts tr", new() { HasText = userName })).ToContainTextAsync(roleName);
        await BrowserHost.ScreenshotAsync(page, $"accounts-created-{language}-{(phone ? "phone" : "desktop")}");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        if (phone) await Accessibility.AssertNoSidewaysScrollAsync(page);
        await page.Context.CloseAsync();

        var person = await browser.FreshPageAsync(phone);
        await person.GotoAsync("/signin");
        await BrowserHost.SignInHereAsync(person, userName, password);
        // District people land on their work list, which links to their district's process.
        Assert.Equal("/work", new Uri(person.Url).AbsolutePath);
        await Assertions.Expect(person.Locator($"main a[href='/districts/{district.Slug}']").First).ToBeVisibleAsync();
        await person.Context.CloseAsync();
    }

    [Theory]
    [InlineData("es", true, "Este dato es obligatorio.", "La contraseña es demasiado corta")]
    [InlineData("en", false, "is required", "Passwords must be at least 8 characters")]
    public async Task A_refused_account_shows_the_error_summary_and_keeps_what_was_typed_but_the_password(
        string language, bool phone, string required, string shortPassword)
    {
        var page = await browser.SignedInAsync("coordinator", phone);
        await browser.UseLanguageAsync(page, language);
        await page.GotoAsync("/portfolio/accounts?district=utco");
        await page.SelectOptionAsync("#account-role", "alderman");
        await page.FillAsync("#account-userName", "   ");
        await page.FillAsync("#account-password", "corta");
        var response = await page.RunAndWaitForResponseAsync(() => page.Locator("#account-form button[type=submit]").ClickAsync(),
            r => r.Url.Contains("/portfolio/accounts") && r.Request.Method == "POST");
        Assert.Equal(400, response.Status);
        var summary = page.Locator(".error-summary");
        await Assertions.Expect(summary.Locator("a[href='#account-userName']")).ToContainTextAsync(required);
        await Assertions.Expect(page.Locator("#account-district")).ToHaveValueAsync("utco");
        await Assertions.Expect(page.Locator("#account-role")).ToHaveValueAsync("alderman");
        await Assertions.Expect(page.Locator("#account-password")).ToHaveValueAsync("");

        // The user name given, the password is Identity's to refuse: said in the page's language.
        await page.FillAsync("#account-userName", "regidor2.utco");
        await page.FillAsync("#account-password", "corta");
        await page.Locator("#account-form button[type=submit]").ClickAsync();
        await Assertions.Expect(summary.Locator("a[href='#account-password']")).ToContainTextAsync(shortPassword);
        await Assertions.Expect(page.Locator("#account-userName")).ToHaveValueAsync("regidor2.utco");

        // A user name already taken is a conflict, named on its field.
        await page.FillAsync("#account-userName", "mayor.utco");
        await page.FillAsync("#account-password", "Agua-Segura-2006");
        response = await page.RunAndWaitForResponseAsync(() => page.Locator("#account-form button[type=submit]").ClickAsync(),
            r => r.Url.Contains("/portfolio/accounts") && r.Request.Method == "POST");
        Assert.Equal(409, response.Status);
        await Assertions.Expect(summary.Locator("a[href='#account-userName']")).ToContainTextAsync("mayor.utco");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        if (phone) await Accessibility.AssertNoSidewaysScrollAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_mayor_may_not_open_the_accounts_page()
    {
        var page = await browser.SignedInAsync("mayor.utco");
        var response = await page.GotoAsync("/portfolio/accounts");
        Assert.True(response!.Status == 403 || page.Url.Contains("/status/403"), $"{response.Status} at {page.Url}");
        await Assertions.Expect(page.Locator("#account-form")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_coordinator_disables_an_account_from_its_page_in_both_languages_and_its_open_session_ends()
    {
        var district = await TestDistrict.CreateAsync(browser.Host, TestDistrict.UniqueName("Baja"), recordGateFacts: false);
        var url = $"/portfolio/accounts/{district.Slug}/{district.AldermanName}";
        await browser.OnEveryScreenAsync("coordinator", url, async (page, language, phone) =>
        {
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(district.AldermanName);
            await Assertions.Expect(page.Locator("#account-state")).ToHaveTextAsync(language == "es" ? "Activa" : "Active");
            await Assertions.Expect(page.Locator("header a[href='/outbox']")).ToHaveTextAsync(language == "es" ? "Avisos enviados" : "Outbox");
            await Assertions.Expect(page.Locator("header a[href='/profile']")).ToHaveTextAsync(language == "es" ? "Mis datos" : "My details");
            if (language == "es") Assert.DoesNotContain("Disable", await page.Locator("main").InnerTextAsync());
            await Accessibility.AssertNoSeriousViolationsAsync(page);
            if (phone) await Accessibility.AssertNoSidewaysScrollAsync(page);
            await BrowserHost.ScreenshotAsync(page, $"account-{language}-{(phone ? "phone" : "desktop")}");
        });

        var alderman = await browser.SignedInAsync(district.AldermanName, password: TestDistrict.AccountPassword);
        var coordinator = await browser.SignedInAsync("coordinator", phone: true);
        await coordinator.GotoAsync(url);
        await coordinator.Locator("#disable-form button[type=submit]").ClickAsync();
        await Assertions.Expect(coordinator.Locator("#account-done")).ToContainTextAsync("Cuenta desactivada");
        await Assertions.Expect(coordinator.Locator("#account-state")).ToHaveTextAsync("Desactivada");
        await Accessibility.AssertNoSeriousViolationsAsync(coordinator);
        await Accessibility.AssertNoSidewaysScrollAsync(coordinator);

        // The alderman's open session ends at their next request, and signing in again is refused.
        await alderman.GotoAsync("/profile");
        Assert.Contains("/signin", alderman.Url);
        await alderman.FillAsync("input[name=UserName]", district.AldermanName);
        await alderman.FillAsync("input[name=Password]", TestDistrict.AccountPassword);
        await alderman.ClickAsync("form button[type=submit]");
        await Assertions.Expect(alderman.Locator("input[name=Password]")).ToBeVisibleAsync();
        Assert.Contains("/signin", alderman.Url);
        await alderman.Context.CloseAsync();
        await coordinator.Context.CloseAsync();
    }
}
