using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Propilas.Host.Alerts;
using Propilas.Host.Tests.Infrastructure;

namespace Propilas.Browser.Tests;

/// <summary>The alerts inbox (<c>/alerts</c>, <c>/districts/{slug}/alerts</c>), its filters, paging, acknowledgement and texts.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class AlertsInboxTests(BrowserHost browser)
{
    private static readonly string[] SeverityOrder = ["critical", "warning", "info"];

    private static ILocator Items(IPage page) => page.Locator("li.alert-item");

    private static async Task<IReadOnlyList<(string Severity, long Raised, string Rule, string District, string Notifies, string Status)>> RowsAsync(IPage page)
    {
        var rows = new List<(string, long, string, string, string, string)>();
        foreach (var item in await Items(page).AllAsync())
            rows.Add((
                (await item.GetAttributeAsync("data-severity"))!,
                long.Parse((await item.GetAttributeAsync("data-raised"))!, CultureInfo.InvariantCulture),
                (await item.GetAttributeAsync("data-rule"))!,
                (await item.GetAttributeAsync("data-district"))!,
                (await item.GetAttributeAsync("data-notifies"))!,
                (await item.GetAttributeAsync("data-status"))!));
        return rows;
    }

    private static void AssertSeverityThenAge(IReadOnlyList<(string Severity, long Raised, string, string, string, string)> rows)
    {
        for (var i = 1; i < rows.Count; i++)
        {
            var (before, after) = (Array.IndexOf(SeverityOrder, rows[i - 1].Severity), Array.IndexOf(SeverityOrder, rows[i].Severity));
            Assert.True(before <= after, $"row {i}: {rows[i - 1].Severity} before {rows[i].Severity}");
            if (before == after) Assert.True(rows[i - 1].Raised <= rows[i].Raised, $"row {i}: a newer alert before an older one");
        }
    }

    /// <summary>A district of its own with <paramref name="count"/> unanswered invitations (an alert each, to the alderman), raised on the given dates.</summary>
    private async Task<(TestDistrict District, IReadOnlyList<long> AlertIds)> DistrictWithUnansweredInvitationsAsync(string name, params DateTimeOffset[] raisedAt)
    {
        var district = await TestDistrict.CreateAsync(browser.Host, TestDistrict.UniqueName(name), recordGateFacts: false);
        var invitedOn = DateTime.UtcNow.AddDays(-20).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        for (var i = 0; i < raisedAt.Length; i++)
            await GateFacts.InviteAsync(district.Alderman, district.Slug, $"Organización {i + 1}", "health", invitedOn: invitedOn);
        var districtId = await browser.Host.DistrictIdAsync(district.Slug);
        var ids = await browser.Host.WithDbAsync(async db =>
        {
            var alerts = await db.Alerts.Where(a => a.DistrictId == districtId && a.RuleId == "invitation.unanswered").OrderBy(a => a.Id).ToListAsync();
            Assert.Equal(raisedAt.Length, alerts.Count);
            // Back-dated as if raised long ago: the clock of a running host cannot be moved.
            for (var i = 0; i < alerts.Count; i++) alerts[i].RaisedAt = raisedAt[i];
            await db.SaveChangesAsync();
            return alerts.Select(a => a.Id).ToList();
        });
        return (district, ids);
    }

    [Fact]
    public async Task The_coordinators_inbox_lists_the_most_severe_and_oldest_first_a_page_at_a_time_keeping_the_filters()
    {
        var page = await browser.SignedInAsync("coordinator");
        var response = await page.GotoAsync("/alerts");
        Assert.Equal((int)HttpStatusCode.OK, response!.Status);
        Assert.True((await response.BodyAsync()).Length < PageWeightTests.Budget, "the coordinator's unfiltered inbox weighs over 150 KB");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Alertas");
        Assert.Equal(25, await Items(page).CountAsync());
        var first = await RowsAsync(page);
        AssertSeverityThenAge(first);
        Assert.Equal("critical", first[0].Severity);
        Assert.True(first.Select(r => r.District).Distinct().Count() > 1 || first.All(r => r.Severity == "critical"));
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await BrowserHost.ScreenshotAsync(page, "alerts-coordinator-es");

        // Filter by severity through the form, then page on: the filter stays.
        await page.SelectOptionAsync("#severity", "warning");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filtrar" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("severity=warning"));
        var total = await page.Locator("#alert-count").InnerTextAsync();
        Assert.All(await RowsAsync(page), r => Assert.Equal("warning", r.Severity));
        var next = page.GetByRole(AriaRole.Link, new() { Name = "Siguiente →" });
        await Assertions.Expect(next).ToHaveAttributeAsync("href", "/alerts?severity=warning&p=2");
        await next.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("severity=warning&p=2$"));
        var second = await RowsAsync(page);
        Assert.NotEmpty(second);
        Assert.All(second, r => Assert.Equal("warning", r.Severity));
        await Assertions.Expect(page.Locator("#alert-count")).ToContainTextAsync("página 2 de");
        Assert.Equal(total.Split('·')[0].Trim(), (await page.Locator("#alert-count").InnerTextAsync()).Split('·')[0].Trim());
        await Assertions.Expect(page.Locator("#severity")).ToHaveValueAsync("warning");
        await page.GetByRole(AriaRole.Link, new() { Name = "← Anterior" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/alerts\\?severity=warning$"));
    }

    [Fact]
    public async Task Filters_narrow_by_district_rule_status_and_mine()
    {
        var page = await browser.SignedInAsync("coordinator");
        await page.GotoAsync("/alerts?district=tacabamba&rule=water-board.not-chlorinating");
        var rows = await RowsAsync(page);
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal(("tacabamba", "water-board.not-chlorinating"), (r.District, r.Rule)));
        await Assertions.Expect(page.Locator("#rule option:checked")).ToHaveTextAsync("JASS que no clora el agua");
        await Assertions.Expect(page.Locator("#district")).ToHaveValueAsync("tacabamba");

        await page.GotoAsync("/alerts?status=resolved&district=tacabamba");
        Assert.All(await RowsAsync(page), r => Assert.Equal("resolved", r.Status));
        await page.GotoAsync("/alerts?district=tacabamba");
        Assert.All(await RowsAsync(page), r => Assert.NotEqual("resolved", r.Status));

        // "Mine": only the alerts addressed to one of my roles.
        var health = await browser.SignedInAsync("health-post.utco");
        await health.GotoAsync("/alerts");
        var all = await health.Locator("#alert-count").InnerTextAsync();
        Assert.Contains(await RowsAsync(health), r => !r.Notifies.Split(',').Contains("health-post"));
        await health.CheckAsync("#mine");
        await health.GetByRole(AriaRole.Button, new() { Name = "Filtrar" }).ClickAsync();
        await health.WaitForURLAsync(new Regex("mine=true"));
        var mine = await RowsAsync(health);
        Assert.NotEmpty(mine);
        Assert.All(mine, r => Assert.Contains("health-post", r.Notifies.Split(',')));
        Assert.NotEqual(all, await health.Locator("#alert-count").InnerTextAsync());
    }

    [Fact]
    public async Task A_mayor_never_sees_another_districts_alerts()
    {
        var page = await browser.SignedInAsync("mayor.san-juan");
        await page.GotoAsync("/alerts");
        var rows = await RowsAsync(page);
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal("san-juan", r.District));
        await Assertions.Expect(page.Locator("#district")).ToHaveCountAsync(0);

        foreach (var path in new[] { "/alerts?district=lajas", "/districts/lajas/alerts", "/districts/lajas/alerts?district=san-juan" })
        {
            var response = await page.GotoAsync(path);
            Assert.Equal((int)HttpStatusCode.Forbidden, response!.Status);
            await Assertions.Expect(page.Locator("body")).Not.ToContainTextAsync("Lajas");
            Assert.Equal(0, await Items(page).CountAsync());
        }
    }

    [Fact]
    public async Task A_person_acknowledges_two_alerts_at_once_and_cannot_acknowledge_one_not_addressed_to_them()
    {
        var now = DateTimeOffset.UtcNow;
        var (district, ids) = await DistrictWithUnansweredInvitationsAsync("Reconoce", now.AddDays(-3), now.AddDays(-2), now.AddDays(-1));

        var alderman = await browser.SignedInAsync(district.AldermanName, password: TestDistrict.AccountPassword);
        await alderman.GotoAsync($"/districts/{district.Slug}/alerts");
        await alderman.CheckAsync($"#ack-{ids[0]}");
        await alderman.CheckAsync($"#ack-{ids[1]}");
        await alderman.GetByRole(AriaRole.Button, new() { Name = "Marcar las seleccionadas como reconocidas" }).ClickAsync();

        await alderman.WaitForURLAsync($"**/districts/{district.Slug}/alerts");
        await Assertions.Expect(alderman.Locator(".notice.ok")).ToHaveTextAsync("Se marcaron 2 alertas como reconocidas.");
        await Assertions.Expect(alderman.Locator($"#alert-{ids[0]}")).ToHaveAttributeAsync("data-status", "acknowledged");
        await Assertions.Expect(alderman.Locator($"#alert-{ids[1]}")).ToHaveAttributeAsync("data-status", "acknowledged");
        await Assertions.Expect(alderman.Locator($"#alert-{ids[2]}")).ToHaveAttributeAsync("data-status", "open");
        await Assertions.Expect(alderman.Locator($"#alert-{ids[0]}")).ToContainTextAsync("Reconocida (" + district.AldermanName + ")");
        var audited = await browser.Host.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "alert.acknowledged" && e.Subject == "district:" + district.Slug));
        Assert.Equal(2, audited);

        // The mayor sees the district's alerts, but invitations are the alderman's: no box to tick, and a forged one is refused.
        var mayor = await browser.SignedInAsync(district.MayorName, password: TestDistrict.AccountPassword);
        await mayor.GotoAsync($"/districts/{district.Slug}/alerts");
        await Assertions.Expect(mayor.Locator($"#alert-{ids[2]}")).ToBeVisibleAsync();
        await Assertions.Expect(mayor.Locator("input[name=alerts]")).ToHaveCountAsync(0);
        await mayor.EvaluateAsync(@"id => {
            const form = document.getElementById('inbox');
            const box = document.createElement('input');
            box.type = 'hidden'; box.name = 'alerts'; box.value = id;
            form.appendChild(box);
            form.submit();
        }", ids[2].ToString(CultureInfo.InvariantCulture));
        await Assertions.Expect(mayor.Locator(".notice.bad")).ToHaveTextAsync("1 no se pudieron marcar: no están dirigidas a su rol.");
        await Assertions.Expect(mayor.Locator($"#alert-{ids[2]}")).ToHaveAttributeAsync("data-status", "open");
        var status = await browser.Host.WithDbAsync(db => db.Alerts.Where(a => a.Id == ids[2]).Select(a => a.Status).SingleAsync());
        Assert.Equal(AlertStatus.Open, status);
    }

    [GeneratedRegex(@"\b(water-board|invitation|commitment|obligation)\.[a-z-]+")]
    private static partial Regex RuleId();

    [GeneratedRegex(@"\b(the|and|has|not|days|ago|since|Water|board|Open|Acknowledged|Severity|Filter|Select|Alerts?|overdue|Other)\b")]
    private static partial Regex EnglishWord();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_spanish_inbox_shows_no_english_and_no_rule_id_and_the_english_one_is_english(bool phone)
    {
        var page = await browser.SignedInAsync("atm.tacabamba", phone);
        await page.GotoAsync("/alerts");
        var text = await page.Locator("main").InnerTextAsync();
        Assert.DoesNotMatch(RuleId(), text);
        Assert.DoesNotMatch(EnglishWord(), text);
        await Assertions.Expect(page.Locator("li.alert-item .alert-title").First).ToHaveTextAsync(new Regex("JASS|Cuota|Compromiso|Invitación|Obligación|Fondo|Cuotas"));
        var options = await page.Locator("#rule option").AllInnerTextsAsync();
        Assert.Contains("JASS sin visita de seguimiento", options);
        Assert.DoesNotMatch(RuleId(), string.Join(" ", options));
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Accessibility.AssertNoSidewaysScrollAsync(page);
        await BrowserHost.ScreenshotAsync(page, phone ? "alerts-atm-phone-es" : "alerts-atm-es");

        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Alerts");
        var english = await page.Locator("main").InnerTextAsync();
        Assert.DoesNotMatch(RuleId(), english);
        Assert.DoesNotContain("JASS sin", english);
        Assert.Contains("Water board follow-up visit overdue", await page.Locator("#rule option").AllInnerTextsAsync());
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Accessibility.AssertNoSidewaysScrollAsync(page);
        await BrowserHost.ScreenshotAsync(page, phone ? "alerts-atm-phone-en" : "alerts-atm-en");
        await page.GetByRole(AriaRole.Button, new() { Name = "Español" }).ClickAsync();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_alert_open_over_a_year_reads_as_a_date_and_the_summary_links_to_its_rule(bool phone)
    {
        var now = DateTimeOffset.UtcNow;
        var (district, ids) = await DistrictWithUnansweredInvitationsAsync("Antigua",
            new DateTimeOffset(2005, 7, 18, 15, 0, 0, TimeSpan.Zero), now.AddDays(-12));

        var page = await browser.SignedInAsync(district.MayorName, phone, TestDistrict.AccountPassword);
        await page.GotoAsync($"/districts/{district.Slug}/alerts");
        await Assertions.Expect(page.Locator($"#alert-{ids[0]} .alert-age")).ToHaveTextAsync("desde el 18/07/2005");
        await Assertions.Expect(page.Locator($"#alert-{ids[1]} .alert-age")).ToHaveTextAsync("hace 12 días");
        AssertSeverityThenAge(await RowsAsync(page));

        // The summary by rule: closed at first, one line per rule with its title, count, worst severity and oldest age.
        var summary = page.Locator("#alert-summary");
        await Assertions.Expect(summary).Not.ToHaveAttributeAsync("open", "");
        await summary.Locator("summary").ClickAsync();
        var line = summary.Locator("li[data-rule='invitation.unanswered']");
        await Assertions.Expect(line).ToContainTextAsync("Invitación sin respuesta");
        await Assertions.Expect(line.Locator(".summary-count")).ToHaveTextAsync("2");
        await Assertions.Expect(line).ToContainTextAsync("Atención");
        await Assertions.Expect(line).ToContainTextAsync("la más antigua: desde el 18/07/2005");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Accessibility.AssertNoSidewaysScrollAsync(page);
        await BrowserHost.ScreenshotAsync(page, phone ? "alerts-district-phone-es" : "alerts-district-es");
        await line.GetByRole(AriaRole.Link).ClickAsync();
        await page.WaitForURLAsync($"**/districts/{district.Slug}/alerts?rule=invitation.unanswered");
        Assert.All(await RowsAsync(page), r => Assert.Equal("invitation.unanswered", r.Rule));

        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.Locator($"#alert-{ids[0]} .alert-age")).ToHaveTextAsync("since 18 Jul 2005");
        await Assertions.Expect(page.Locator($"#alert-{ids[1]} .alert-age")).ToHaveTextAsync("12 days ago");
        await Assertions.Expect(page.Locator($"#alert-{ids[0]} .alert-title")).ToHaveTextAsync("Invitation unanswered");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Accessibility.AssertNoSidewaysScrollAsync(page);
        await BrowserHost.ScreenshotAsync(page, phone ? "alerts-district-phone-en" : "alerts-district-en");
        await page.GetByRole(AriaRole.Button, new() { Name = "Español" }).ClickAsync();
    }

    [Fact]
    public async Task The_portfolios_alert_badges_open_the_inbox_filtered_by_district_and_severity()
    {
        var page = await browser.SignedInAsync("coordinator", phone: true);
        await page.GotoAsync("/portfolio");
        var badge = page.Locator("tr[data-district='tacabamba'] td.alerts a.badge.critical");
        await badge.ClickAsync();
        await page.WaitForURLAsync("**/alerts?district=tacabamba&severity=critical");
        var rows = await RowsAsync(page);
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal(("tacabamba", "critical"), (r.District, r.Severity)));
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Accessibility.AssertNoSidewaysScrollAsync(page);
        await BrowserHost.ScreenshotAsync(page, "alerts-coordinator-phone-es");
    }
}
