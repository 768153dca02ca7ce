namespace Propilas.Browser.Tests;

/// <summary>
/// Every page, in Spanish and English, on a desktop and on a small phone: no serious or critical axe-core violation,
/// and nothing wider than the screen.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EveryPageAccessibilityTests(BrowserHost browser)
{
    [Theory]
    [MemberData(nameof(EveryPage.Pages), MemberType = typeof(EveryPage))]
    public async Task A_page_is_usable_by_everyone_in_both_languages_and_on_both_screens(string user, string path)
    {
        foreach (var phone in new[] { false, true })
        {
            var page = await browser.SignedInAsync(user, phone);
            foreach (var language in new[] { "es", "en" })
            {
                await browser.UseLanguageAsync(page, language);
                var response = await page.GotoAsync(path);
                Assert.Equal(200, response!.Status);
                Assert.Equal(language, await page.Locator("html").GetAttributeAsync("lang"));
                await Accessibility.AssertNoSeriousViolationsAsync(page);
                if (phone) await Accessibility.AssertNoSidewaysScrollAsync(page);
            }
            await page.Context.CloseAsync();
        }
    }
}
