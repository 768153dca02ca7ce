using System.Text.RegularExpressions;
using Microsoft.Playwright;
using UglyToad.PdfPig;

namespace Propilas.Browser.Tests;

/// <summary>
/// The strategic plan as the council gets it: printed (A4, print media, Chromium's own PDF), with every figure of the
/// investment plan, counts that match what is listed, numbered pages, the print date and the signature lines.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PlanPrintTests(BrowserHost browser)
{
    [Theory]
    [InlineData("es", "Página", "de", "Impreso el", "Alcalde(sa) distrital", "Secretario(a) general", "Por el concejo municipal", "Se listan 10 de las 24 actividades")]
    [InlineData("en", "Page", "of", "Printed on", "District mayor", "Municipal secretary", "For the municipal council", "10 of the 24 activities")]
    public async Task The_printed_strategic_plan_holds_every_figure_numbered_pages_the_print_date_and_signature_lines(
        string language, string pageWord, string ofWord, string printedOn, string mayor, string secretary, string council, string activities)
    {
        var page = await browser.SignedInAsync("mayor.utco");
        await browser.UseLanguageAsync(page, language);
        await page.GotoAsync("/districts/utco/strategic-plan");

        // The plan's 17 figures (the pilots' 16 columns, the district being the caption, and the break-even share) as the screen shows them.
        var rows = page.Locator("table.plan-district tbody tr:not(.part)");
        await Assertions.Expect(rows).ToHaveCountAsync(17);
        var figures = new List<(string Label, string Value)>();
        for (var i = 0; i < 17; i++)
            figures.Add(((await rows.Nth(i).Locator("th").InnerTextAsync()).Trim(), (await rows.Nth(i).Locator("td").InnerTextAsync()).Trim()));
        Assert.All(figures, f => Assert.Matches(@"\d", f.Value));
        // Counts match what is listed: the ten activities entered, of the 24 the workshop counted.
        await Assertions.Expect(page.Locator("#operating-plan")).ToContainTextAsync(activities);
        await Assertions.Expect(page.Locator("#operating-plan tbody tr:has(td)")).ToHaveCountAsync(10);
        // The signatures are for paper only.
        await Assertions.Expect(page.Locator("#signatures")).ToBeHiddenAsync();

        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator("#signatures")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("header.top")).ToBeHiddenAsync();
        var printDate = (await page.Locator("p.print-only").InnerTextAsync()).Trim();
        Assert.Matches($@"^{printedOn} \d", printDate);
        await BrowserHost.ScreenshotAsync(page, $"strategic-plan-print-{language}");

        var pdf = await page.PdfAsync(new() { PreferCSSPageSize = true, PrintBackground = true });
        await File.WriteAllBytesAsync(Path.Combine(BrowserHost.ScreenshotFolder, $"strategic-plan-{language}.pdf"), pdf);
        using var document = PdfDocument.Open(pdf);
        var pages = document.GetPages().Select(p => Compact(string.Join(" ", p.GetWords().Select(w => w.Text)))).ToList();
        var text = string.Concat(pages);
        foreach (var (label, value) in figures)
        {
            Assert.Contains(Compact(label), text);
            Assert.Contains(Compact(value), text);
        }
        foreach (var signature in new[] { mayor, secretary, council }) Assert.Contains(Compact(signature), text);
        Assert.Contains(Compact(activities), text);
        // Every page is numbered "n of N" and dated.
        for (var n = 1; n <= pages.Count; n++)
        {
            Assert.Contains(Compact($"{pageWord} {n} {ofWord} {pages.Count}"), pages[n - 1]);
            Assert.Contains(Compact(printDate), pages[n - 1]);
        }
        var size = document.GetPage(1);
        Assert.InRange(size.Width, 590, 600); // A4: 595 × 842 points
        Assert.InRange(size.Height, 836, 848);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("es", false, "cambió")]
    [InlineData("en", true, "changed")]
    public async Task A_what_if_shows_the_saved_plan_beside_it_with_each_changed_figure_marked_in_words(string language, bool phone, string changed)
    {
        var page = await browser.SignedInAsync("mayor.llacanora", phone);
        await browser.UseLanguageAsync(page, language);
        await page.GotoAsync("/districts/llacanora/investment-plan");
        await Assertions.Expect(page.Locator("td.changed")).ToHaveCountAsync(0);
        // The share is typed as a percentage and shown as one.
        await Assertions.Expect(page.Locator("#p-municipalSharePct")).ToHaveValueAsync("10");

        await page.FillAsync("#p-municipalSharePct", "20");
        await page.Locator("#parameters button[type=submit]").ClickAsync();

        await page.WaitForURLAsync(url => url.Contains("municipalSharePct=20") && url.EndsWith("#plan"));
        var commitment = page.Locator("table.plan-district tr", new() { HasText = language == "es" ? "Compromiso municipal" : "Municipal commitment" });
        await Assertions.Expect(commitment.Locator("td").Nth(0)).ToHaveTextAsync(new Regex(@"^S/ 1.821.426$"));
        await Assertions.Expect(commitment.Locator("td.changed mark")).ToHaveTextAsync(new Regex(@"^S/ 3.642.852$"));
        await Assertions.Expect(commitment.Locator("td.changed .change-note")).ToHaveTextAsync(changed);
        // Only what the municipal share moves is marked: the commitment, the balance and nothing of the investment.
        await Assertions.Expect(page.Locator("td.changed")).ToHaveCountAsync(2);
        var investment = page.Locator("table.plan-district tr", new() { HasText = language == "es" ? "Presupuesto total requerido" : "Total investment required" });
        await Assertions.Expect(investment.Locator("td.changed")).ToHaveCountAsync(0);
        await BrowserHost.ScreenshotAsync(page, $"investment-plan-what-if-{language}-{(phone ? "phone" : "desktop")}");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        if (phone) await Accessibility.AssertNoSidewaysScrollAsync(page);

        // A share above 100 % is refused with the error summary, in the page's language, and kept as typed.
        await page.FillAsync("#p-communitySharePct", "150");
        await page.Locator("#parameters button[type=submit]").ClickAsync();
        var summary = page.Locator(".error-summary");
        await Assertions.Expect(summary).ToContainTextAsync(language == "es" ? "Escriba un porcentaje entre 0 y 100 (era 150)." : "Must be a percentage from 0 to 100 (was 150).");
        await Assertions.Expect(summary.Locator("a[href='#p-communitySharePct']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#p-communitySharePct")).ToHaveValueAsync("150");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_all_districts_table_scrolls_inside_a_region_the_keyboard_reaches(bool phone)
    {
        var page = await browser.SignedInAsync("coordinator", phone);
        await page.GotoAsync("/investment-plan");
        var region = page.Locator("div.scroll[role=region]");
        await region.FocusAsync();
        await Assertions.Expect(region).ToBeFocusedAsync();
        await Assertions.Expect(region).ToHaveAttributeAsync("aria-label", "Planes de inversión de los distritos");
        if (phone)
        {
            await page.Keyboard.PressAsync("ArrowRight");
            await page.Keyboard.PressAsync("End");
            Assert.True(await region.EvaluateAsync<double>("e => e.scrollLeft") > 0, "the keyboard scrolls the table");
            await Accessibility.AssertNoSidewaysScrollAsync(page);
        }
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.Context.CloseAsync();
    }

    /// <summary>Letters and digits only, ligatures undone ("ﬁ" is "fi"): the PDF's words and the page's text compare alike.</summary>
    private static string Compact(string text) => Regex.Replace(text.Normalize(System.Text.NormalizationForm.FormKC), @"[^\p{L}\p{N}]", "");
}
