using Microsoft.Playwright;
using Propilas.Host.Tests.Infrastructure;

namespace Propilas.Browser.Tests;

/// <summary>Opening the form pages of issue 16's points 4 to 7 as a person would: signed in, in a language, at a width.</summary>
public static class FormPages
{
    /// <summary>A fresh browser signed in as <paramref name="user"/>, its pages in <paramref name="language"/>.</summary>
    public static async Task<IPage> SignedInAsync(BrowserHost browser, string user, string language, bool phone, string password = PropilasFactory.DemoPassword)
    {
        var page = await browser.FreshPageAsync(phone);
        await browser.UseLanguageAsync(page, language);
        await page.GotoAsync("/signin");
        await BrowserHost.SignInHereAsync(page, user, password);
        return page;
    }

    /// <summary>axe-core finds nothing serious and, on a phone, the page does not scroll sideways.</summary>
    public static async Task AssertUsableAsync(IPage page)
    {
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        var wide = await page.EvaluateAsync<string[]>(@"() => [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
            .slice(-3).map(e => e.tagName + '#' + e.id + '.' + e.className + ' ' + (e.textContent || '').trim().slice(0, 40))");
        Assert.True(wide.Length == 0 || await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"),
            $"{page.Url}: wider than the screen: {string.Join(" | ", wide)}");
        await Accessibility.AssertNoSidewaysScrollAsync(page);
    }
}
