using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Propilas.Host.Tests.Infrastructure;

namespace Propilas.Browser.Tests;

/// <summary>A person's own contact details and digest topics (<c>/profile</c>).</summary>
[Collection(BrowserCollection.Name)]
public sealed class ProfilePageTests(BrowserHost browser)
{
    [Fact]
    public async Task The_profile_reads_in_both_languages_on_desktop_and_phone()
    {
        await browser.OnEveryScreenAsync("health-post.utco", "/profile", async (page, language, phone) =>
        {
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(language == "es" ? "Mis datos de contacto" : "My contact details");
            await Assertions.Expect(page.Locator("#email")).ToBeVisibleAsync();
            await Accessibility.AssertNoSeriousViolationsAsync(page);
            if (phone) await Accessibility.AssertNoSidewaysScrollAsync(page);
            await BrowserHost.ScreenshotAsync(page, $"profile-{language}-{(phone ? "phone" : "desktop")}");
        });
    }

    [Theory]
    [InlineData("es", false)]
    [InlineData("en", true)]
    public async Task A_bad_email_or_phone_is_refused_naming_the_field_and_good_details_are_saved(string language, bool phone)
    {
        var district = await TestDistrict.CreateAsync(browser.Host, TestDistrict.UniqueName("Perfil"), recordGateFacts: false);
        var page = await browser.FreshPageAsync(phone);
        await browser.UseLanguageAsync(page, language);
        await page.GotoAsync("/signin");
        await BrowserHost.SignInHereAsync(page, district.MayorName, TestDistrict.AccountPassword);
        await page.GotoAsync("/profile");

        await page.FillAsync("#fullName", "Julio Huamán Cercado");
        await page.FillAsync("#email", "julio.huaman@");
        await page.FillAsync("#phone", "976-abc");
        await page.Locator("#profile button[type=submit]").ClickAsync();
        var summary = page.Locator(".error-summary");
        await Assertions.Expect(summary.Locator("a[href='#email']")).ToContainTextAsync(language == "es" ? "Correo electrónico" : "E-mail");
        await Assertions.Expect(summary.Locator("a[href='#phone']")).ToContainTextAsync(language == "es" ? "Teléfono" : "Phone");
        await Assertions.Expect(page.Locator("#email")).ToHaveValueAsync("julio.huaman@"); // what was typed stays
        await Assertions.Expect(page.Locator("#email")).ToHaveAttributeAsync("aria-invalid", "true");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.FillAsync("#email", "julio.huaman@example.pe");
        await page.FillAsync("#phone", "+51 976 123 456");
        await page.CheckAsync("#language-en");
        await page.UncheckAsync("#digest-water-board");
        await page.Locator("#profile button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("p.notice.ok")).ToBeVisibleAsync();
        var stored = await browser.Host.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.UserName == district.MayorName));
        Assert.Equal(("Julio Huamán Cercado", "julio.huaman@example.pe", "+51 976 123 456", "en", "water-board"),
            (stored.FullName, stored.Email, stored.PhoneNumber, stored.Language, stored.DigestOff));
        Assert.Contains("person.contact-updated", await browser.Host.WithDbAsync(db =>
            db.AuditEvents.Where(e => e.Subject == $"user:{district.MayorName}").Select(e => e.Action).ToListAsync()));
    }
}
