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
    public Task A_page_is_usable_by_everyone_in_both_languages_and_on_both_screens(string user, string path) =>
        browser.OnEveryScreenAsync(user, path, async (page, _, phone) =>
        {
            await Accessibility.AssertNoSeriousViolationsAsync(page);
            if (phone) await Accessibility.AssertNoSidewaysScrollAsync(page);
        });
}
