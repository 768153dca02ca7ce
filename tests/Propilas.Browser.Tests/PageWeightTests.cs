using Microsoft.Playwright;

namespace Propilas.Browser.Tests;

/// <summary>Rural connections are slow: every page, with its CSS and scripts, stays under 150 KB.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PageWeightTests(BrowserHost browser)
{
    public const int Budget = 150 * 1024;

    [Theory]
    [MemberData(nameof(EveryPage.Pages), MemberType = typeof(EveryPage))]
    public async Task A_page_with_its_css_and_scripts_weighs_under_150_KB(string user, string path)
    {
        var page = await browser.SignedInAsync(user);
        var urls = new List<string>();
        page.Response += (_, response) =>
        {
            if (response.Request.ResourceType is "document" or "stylesheet" or "script")
                lock (urls) urls.Add(response.Url);
        };
        var main = await page.GotoAsync(path);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Equal(200, main!.Status);

        // Bodies as the browser received them, uncompressed: the page, its stylesheets and its scripts.
        var total = 0;
        foreach (var url in urls.ToList())
        {
            var response = await page.Context.APIRequest.GetAsync(url);
            total += (await response.BodyAsync()).Length;
        }
        Assert.True(urls.Count >= 2, $"expected the page and its stylesheet, saw {urls.Count} resources");
        Assert.True(total < Budget, $"{path} weighs {total:N0} bytes with its CSS and scripts ({string.Join(", ", urls)}); the budget is {Budget:N0}.");
        await BrowserHost.ScreenshotAsync(page, $"{user}-{path.Trim('/').Replace('/', '-')}");
    }
}
