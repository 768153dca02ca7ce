using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;
using Propilas.Host.Tests.Infrastructure;

namespace Propilas.Browser.Tests;

/// <summary>
/// The real host on Kestrel (a free loopback port, real SQLite file, pilots seeded) and Debian's Chromium driven by
/// Playwright. Never downloads a browser: it launches /usr/bin/chromium (or PROPILAS_CHROMIUM).
/// </summary>
public sealed class BrowserHost : IAsyncLifetime
{
    // The real clock: a browser drops cookies whose expiry, computed from a fake date, has already passed.
    public PropilasFactory Host { get; } = new(new HostSettings());
    public Uri BaseAddress { get; private set; } = null!;
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    public static string ScreenshotFolder { get; } = Path.Combine(RepositoryRoot(), "artifacts", "screenshots");

    public async Task InitializeAsync()
    {
        var port = FreePort();
        Host.UseKestrel(port);
        Host.StartServer();
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("PROPILAS_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync"],
        });
        Directory.CreateDirectory(ScreenshotFolder);
    }

    /// <summary>The desktop and phone screens every page is tried at (the phone: 360 × 740, a small Android phone).</summary>
    public static readonly ViewportSize Desktop = new() { Width = 1280, Height = 800 };
    public static readonly ViewportSize Phone = new() { Width = 360, Height = 740 };

    /// <summary>A page in a fresh browser context: no cookies, no session, as a person opening a link or a bookmark.</summary>
    public async Task<IPage> FreshPageAsync(bool phone = false)
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = BaseAddress.ToString(), ViewportSize = phone ? Phone : Desktop });
        return await context.NewPageAsync();
    }

    /// <summary>Fills the sign-in form the page is on and submits it.</summary>
    public static async Task SignInHereAsync(IPage page, string user, string password = PropilasFactory.DemoPassword)
    {
        await page.FillAsync("input[name=UserName]", user);
        await page.FillAsync("input[name=Password]", password);
        await page.ClickAsync("form button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/signin"), new() { Timeout = 30_000 });
    }

    /// <summary>A fresh browser context signed in as <paramref name="user"/> through the sign-in page, on a phone-sized screen when asked.</summary>
    public async Task<IPage> SignedInAsync(string user, bool phone = false, string password = PropilasFactory.DemoPassword)
    {
        var page = await FreshPageAsync(phone);
        await page.GotoAsync("/signin");
        await SignInHereAsync(page, user, password);
        return page;
    }

    /// <summary>
    /// Opens <paramref name="path"/> as <paramref name="user"/> on a desktop and on a phone, in Spanish and in English,
    /// checks it answers 200 in that language, and runs <paramref name="check"/> on each (page, language, phone).
    /// </summary>
    public async Task OnEveryScreenAsync(string user, string path, Func<IPage, string, bool, Task> check)
    {
        foreach (var phone in new[] { false, true })
        {
            var page = await SignedInAsync(user, phone);
            foreach (var language in new[] { "es", "en" })
            {
                await UseLanguageAsync(page, language);
                var response = await page.GotoAsync(path);
                Assert.Equal(200, response!.Status);
                Assert.Equal(language, await page.Locator("html").GetAttributeAsync("lang"));
                await check(page, language, phone);
            }
            await page.Context.CloseAsync();
        }
    }

    /// <summary>Sets the page's language as the header's switch does (its cookie), for the page's next navigation.</summary>
    public async Task UseLanguageAsync(IPage page, string language) =>
        await page.Context.AddCookiesAsync([new Microsoft.Playwright.Cookie
        {
            Name = Microsoft.AspNetCore.Localization.CookieRequestCultureProvider.DefaultCookieName,
            Value = Microsoft.AspNetCore.Localization.CookieRequestCultureProvider.MakeCookieValue(
                new Microsoft.AspNetCore.Localization.RequestCulture(language == "en" ? "en" : "es-PE")),
            Url = BaseAddress.ToString(),
        }]);

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
        Host.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Propilas.sln"))) return dir.FullName;
        return AppContext.BaseDirectory;
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserHost>
{
    public const string Name = "browser";
}
