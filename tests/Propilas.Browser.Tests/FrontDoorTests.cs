using System.Net;
using Microsoft.Playwright;

namespace Propilas.Browser.Tests;

/// <summary>A person with no session (a bookmark, a link in a message, an expired cookie) is asked to sign in, then taken where they meant to go.</summary>
[Collection(BrowserCollection.Name)]
public sealed class FrontDoorTests(BrowserHost browser)
{
    [Theory]
    [InlineData("/", "coordinator", "/portfolio")]
    [InlineData("/portfolio", "coordinator", "/portfolio")]
    [InlineData("/districts/san-juan", "mayor.san-juan", "/districts/san-juan")]
    [InlineData("/districts/lajas/invitations", "alderman.lajas", "/districts/lajas/invitations")]
    public async Task Opening_a_page_without_a_session_asks_to_sign_in_and_comes_back(string path, string user, string landsOn)
    {
        var page = await browser.FreshPageAsync(phone: path.Length % 2 == 0);
        var response = await page.GotoAsync(path);

        Assert.Equal((int)HttpStatusCode.OK, response!.Status);
        Assert.Contains("/signin?ReturnUrl=", page.Url);
        await Assertions.Expect(page.Locator("input[name=UserName]")).ToBeVisibleAsync();
        await BrowserHost.SignInHereAsync(page, user);
        Assert.EndsWith(landsOn, new Uri(page.Url).AbsolutePath);
    }

    [Fact]
    public async Task An_unknown_path_without_a_session_answers_a_readable_not_found_page()
    {
        var page = await browser.FreshPageAsync();
        var response = await page.GotoAsync("/no-such-page");

        Assert.Equal((int)HttpStatusCode.NotFound, response!.Status);
        await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("a[href='/']")).ToHaveCountAsync(2); // the brand and "back home"
    }

    [Fact]
    public async Task A_page_a_person_may_not_see_answers_403_where_it_is()
    {
        var page = await browser.SignedInAsync("mayor.utco");
        var response = await page.GotoAsync("/portfolio");

        Assert.Equal((int)HttpStatusCode.Forbidden, response!.Status);
        Assert.EndsWith("/portfolio", page.Url);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("No tiene permiso para ver esta página.");
    }

    [Fact]
    public async Task The_API_still_answers_401_without_a_token_or_cookie()
    {
        var page = await browser.FreshPageAsync();
        var response = await page.APIRequest.GetAsync("/api/districts");
        Assert.Equal((int)HttpStatusCode.Unauthorized, response.Status);
    }

    [Fact]
    public async Task The_sign_in_page_has_no_serious_accessibility_problem_and_a_skip_link()
    {
        var page = await browser.FreshPageAsync(phone: true);
        await page.GotoAsync("/signin");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Accessibility.AssertNoSidewaysScrollAsync(page);
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Locator(".skip-link")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator(".skip-link")).ToHaveTextAsync("Saltar al contenido");
    }
}
