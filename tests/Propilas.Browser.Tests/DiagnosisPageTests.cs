using Microsoft.Playwright;

namespace Propilas.Browser.Tests;

/// <summary>Issue 16, point 5: the survey's columns are explained in the page's language, with a template headed in it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DiagnosisPageTests(BrowserHost browser)
{
    [Fact]
    public Task The_survey_columns_and_template_are_in_the_pages_language() =>
        browser.OnEveryScreenAsync("coordinator", "/districts/tacabamba/diagnosis", async (page, language, phone) =>
        {
            await page.Locator("#columns summary").ClickAsync();
            var first = page.Locator("#columns tbody tr").First.Locator("code");
            await Assertions.Expect(first).ToHaveTextAsync(language == "es" ? "localidad" : "locality");
            await Assertions.Expect(page.Locator("#import a[href^='/api/diagnosis/template']"))
                .ToHaveAttributeAsync("href", language == "es" ? "/api/diagnosis/template/es" : "/api/diagnosis/template");
            if (language == "es") await Assertions.Expect(page.Locator("#columns")).Not.ToContainTextAsync("families_with_safe_water");
            await Accessibility.AssertNoSeriousViolationsAsync(page);
            if (phone) await Accessibility.AssertNoSidewaysScrollAsync(page);
        });
}
