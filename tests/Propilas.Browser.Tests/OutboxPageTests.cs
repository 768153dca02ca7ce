using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Propilas.Host.Notifications;
using Propilas.Host.Tests.Infrastructure;

namespace Propilas.Browser.Tests;

/// <summary>The coordinator's outbox (<c>/outbox</c>): messages by status, and a failed one sent again.</summary>
[Collection(BrowserCollection.Name)]
public sealed class OutboxPageTests(BrowserHost browser)
{
    /// <summary>A message that failed for good, to a person of a district of the test's own.</summary>
    private async Task<long> FailedMessageAsync(string title)
    {
        var district = await TestDistrict.CreateAsync(browser.Host, TestDistrict.UniqueName("Buzón"), recordGateFacts: false);
        return await browser.Host.WithDbAsync(async db =>
        {
            var mayor = await db.Users.SingleAsync(u => u.UserName == district.MayorName);
            var message = new OutboxMessage
            {
                UserId = mayor.Id, Kind = MessageKinds.Alert, Subject = $"test.outbox {title}", Day = new DateOnly(2026, 3, 2), Severity = "critical",
                To = $"{district.Slug}@example.pe", Language = "es", Title = title, Body = "…", Status = OutboxStatus.Failed,
                Attempts = OutboxDelivery.MaxAttempts, CreatedAt = DateTimeOffset.UtcNow, LastError = "SocketException: Connection refused",
            };
            db.Set<OutboxMessage>().Add(message);
            await db.SaveChangesAsync();
            return message.Id;
        });
    }

    [Fact]
    public async Task The_outbox_reads_in_both_languages_on_desktop_and_phone_and_filters_by_status()
    {
        var title = $"Alerta crítica de prueba {Guid.NewGuid():N}";
        await FailedMessageAsync(title);
        await browser.OnEveryScreenAsync("coordinator", "/outbox?status=failed", async (page, language, phone) =>
        {
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(language == "es" ? "Bandeja de salida de avisos" : "Outbox");
            await Assertions.Expect(page.Locator("#status")).ToHaveValueAsync("failed");
            await Assertions.Expect(page.Locator("tbody tr").Filter(new() { HasText = title })).ToHaveCountAsync(1);
            Assert.Equal(await page.Locator("tbody tr").CountAsync(), await page.Locator("tbody tr", new() { HasText = language == "es" ? "Falló" : "Failed" }).CountAsync());
            if (language == "es") Assert.DoesNotContain("Send again", await page.Locator("main").InnerTextAsync());
            await Accessibility.AssertNoSeriousViolationsAsync(page);
            if (phone) await Accessibility.AssertNoSidewaysScrollAsync(page);
            await BrowserHost.ScreenshotAsync(page, $"outbox-{language}-{(phone ? "phone" : "desktop")}");
        });
    }

    [Fact]
    public async Task The_coordinator_sends_a_failed_message_again()
    {
        var title = $"Alerta por reenviar {Guid.NewGuid():N}";
        var id = await FailedMessageAsync(title);
        var page = await browser.SignedInAsync("coordinator");
        await page.GotoAsync("/outbox?status=failed");
        await page.Locator($"#message-{id}").GetByRole(AriaRole.Button, new() { Name = $"Reenviar el mensaje {id}" }).ClickAsync();
        await Assertions.Expect(page.Locator("p.notice.ok")).ToContainTextAsync($"El mensaje {id} se enviará de nuevo.");
        await Assertions.Expect(page.Locator($"#message-{id}")).ToHaveCountAsync(0); // no longer among the failed
        var stored = await browser.Host.WithDbAsync(db => db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Id == id));
        Assert.NotEqual(OutboxStatus.Failed, stored.Status);
        Assert.True(stored.Attempts < OutboxDelivery.MaxAttempts);
    }

    [Fact]
    public async Task Only_the_coordinator_opens_the_outbox()
    {
        var page = await browser.SignedInAsync("mayor.lajas");
        var response = await page.GotoAsync("/outbox");
        Assert.Equal(403, response!.Status);
    }
}
