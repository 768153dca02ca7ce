using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Propilas.Browser.Tests;

/// <summary>Checks a page as people who use it with a screen reader, a keyboard or low vision meet it.</summary>
public static class Accessibility
{
    /// <summary>axe-core on the page as it stands: no serious or critical violation.</summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page)
    {
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"axe-core on {page.Url}:\n" + string.Join("\n", serious.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help}; e.g. {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}")));
    }

    /// <summary>Nothing makes the page wider than the screen (a phone would scroll sideways).</summary>
    public static async Task AssertNoSidewaysScrollAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        var (scroll, client) = (widths[0], widths[1]);
        Assert.True(scroll <= client, $"{page.Url} is {scroll} px wide on a {client} px screen.");
    }

    /// <summary>Seen without scrolling: the element ends above the bottom of the screen.</summary>
    public static async Task AssertInSightAsync(IPage page, ILocator element)
    {
        var box = await element.BoundingBoxAsync();
        Assert.NotNull(box);
        var height = page.ViewportSize!.Height;
        Assert.True(box.Y >= 0 && box.Y + box.Height <= height,
            $"{await element.TextContentAsync()} spans {box.Y}..{box.Y + box.Height} px on a {height} px high screen at {page.Url}");
    }
}
