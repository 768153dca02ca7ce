using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Propilas.Host.Accounts;
using Propilas.Host.Alerts;
using Propilas.Host.Notifications;
using Propilas.Host.Tests.Alerts;
using Propilas.Host.Tests.Infrastructure;

namespace Propilas.Host.Tests.Notifications;

/// <summary>
/// Alerts reach people by e-mail through the outbox, delivered to a real SMTP server on loopback: critical at once, the
/// rest in a daily digest; written with the alert or not at all; never twice; nothing lost while the server is down.
/// </summary>
public sealed class NotificationTests : IClassFixture<NotificationTests.Host>, IAsyncLifetime
{
    public const string BaseUrl = "https://propilas.example.pe";

    public sealed class Host() : PropilasFactory(new HostSettings
    {
        FakeNow = DefaultNow, // 09:00 in Lima
        SeedPilots = false,
        Services = s => s.AddSingleton(Source).AddSingleton<IAlertSource>(sp => sp.GetRequiredService<ScriptedAlertSource>()),
    })
    {
        public static readonly ScriptedAlertSource Source = new();
        public LoopbackSmtp Smtp { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Alerts:RunServer", "false"); // the tests run the jobs themselves, on the fake clock
            builder.UseSetting("Notifications:BaseUrl", BaseUrl);
            builder.UseSetting("Notifications:Smtp:Host", "127.0.0.1");
            builder.UseSetting("Notifications:Smtp:Port", Smtp.Port.ToString());
        }
    }

    private readonly Host _host;

    public NotificationTests(Host host) => _host = host;

    public Task InitializeAsync()
    {
        _host.Smtp.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        Host.Source.Hold();
        await _host.Smtp.StopAsync();
    }

    /// <summary>A district of the test's own with a mayor and an alderman who have e-mail addresses.</summary>
    private async Task<(int Id, string Slug, string Mayor, string Alderman)> DistrictAsync(string name, string aldermanLanguage = "es")
    {
        var district = await TestDistrict.CreateAsync(_host, TestDistrict.UniqueName(name), recordGateFacts: false);
        var mayor = $"{district.Slug}.mayor@example.pe";
        var alderman = $"{district.Slug}.alderman@example.pe";
        await SetPersonAsync(district.MayorName, mayor, "es", "Julio Huamán");
        await SetPersonAsync(district.AldermanName, alderman, aldermanLanguage, "Elena Vásquez");
        return (await _host.DistrictIdAsync(district.Slug), district.Slug, mayor, alderman);
    }

    private Task SetPersonAsync(string userName, string? email, string language, string name, string? digestOff = null, bool locked = false) =>
        _host.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.UserName == userName);
            user.Email = email;
            user.Language = language;
            user.FullName = name;
            user.DigestOff = digestOff;
            user.LockoutEnabled = true;
            user.LockoutEnd = locked ? DateTimeOffset.MaxValue : null;
            return await db.SaveChangesAsync();
        });

    private async Task<T> WithAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    private Task<AlertChanges> ReevaluateAsync(int districtId) =>
        WithAsync(sp => sp.GetRequiredService<AlertReconciler>().ReevaluateDistrictAsync(districtId, CancellationToken.None));

    private Task<(int Sent, int NotSent)> DeliverAsync() => WithAsync(sp => sp.GetRequiredService<OutboxDelivery>().DeliverDueAsync(CancellationToken.None));

    private Task<int> DigestAsync() => WithAsync(sp => sp.GetRequiredService<DigestJob>().WriteDigestsAsync(CancellationToken.None));

    private Task<List<OutboxMessage>> OutboxAsync(string subjectEnd) =>
        _host.WithDbAsync(db => db.Set<OutboxMessage>().AsNoTracking().Where(m => m.Subject.EndsWith(subjectEnd)).OrderBy(m => m.Id).ToListAsync());

    [Fact]
    public async Task A_critical_alert_reaches_each_person_of_its_roles_at_once_in_their_language_with_the_page_to_act_on()
    {
        var d = await DistrictAsync("Critica", aldermanLanguage: "en");
        Host.Source.Hold(ScriptedAlertSource.Candidate(d.Id, "water-board:critical-1", severity: "critical", rule: "test.critical", notifies: ["alderman", "mayor"]));
        await ReevaluateAsync(d.Id);

        var rows = await OutboxAsync("water-board:critical-1");
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal(OutboxStatus.Pending, r.Status));
        await DeliverAsync();

        var toMayor = Assert.Single(_host.Smtp.To(d.Mayor));
        Assert.StartsWith("Alerta crítica en ", toMayor.Subject);
        Assert.Equal("es", toMayor.Body!.Headers["Content-Language"]);
        Assert.Contains("Regla test.critical para water-board:critical-1", toMayor.TextBody);
        Assert.Contains($"Atiéndala aquí: {BaseUrl}/districts/{d.Slug}/alerts", toMayor.TextBody);
        Assert.Contains("Julio Huamán", toMayor.TextBody);

        var toAlderman = Assert.Single(_host.Smtp.To(d.Alderman));
        Assert.StartsWith("Critical alert in ", toAlderman.Subject);
        Assert.Equal("en", toAlderman.Body!.Headers["Content-Language"]);
        Assert.Contains("Rule test.critical for water-board:critical-1", toAlderman.TextBody);
        Assert.Contains($"Act on it here: {BaseUrl}/districts/{d.Slug}/alerts", toAlderman.TextBody);
        Assert.DoesNotContain("Regla", toAlderman.TextBody);
        Assert.All(await OutboxAsync("water-board:critical-1"), r => Assert.Equal(OutboxStatus.Sent, r.Status));

        // The pass again, the same day: nothing new written, nothing sent again.
        Host.Source.Hold();
        await ReevaluateAsync(d.Id);
        Host.Source.Hold(ScriptedAlertSource.Candidate(d.Id, "water-board:critical-1", severity: "critical", rule: "test.critical", notifies: ["alderman", "mayor"]));
        await ReevaluateAsync(d.Id);
        await DeliverAsync();
        Assert.Equal(2, (await OutboxAsync("water-board:critical-1")).Count);
        Assert.Single(_host.Smtp.To(d.Mayor));
    }

    [Fact]
    public async Task An_escalation_tells_the_wider_audience_and_the_coordinator_hears_of_every_district()
    {
        var d = await DistrictAsync("Escala");
        Host.Source.Hold(ScriptedAlertSource.Candidate(d.Id, "water-board:escalates", rule: "test.escalates", notifies: ["alderman"]));
        await ReevaluateAsync(d.Id);
        Assert.Equal([OutboxStatus.Queued], (await OutboxAsync("water-board:escalates")).Select(r => r.Status));

        Host.Source.Hold(ScriptedAlertSource.Candidate(d.Id, "water-board:escalates", escalated: true, severity: "critical", rule: "test.escalates",
            notifies: ["alderman", "mayor", "coordinator"]));
        Assert.Equal(1, (await ReevaluateAsync(d.Id)).Escalated);
        var rows = await _host.WithDbAsync(db => db.Set<OutboxMessage>().AsNoTracking().Where(m => m.Subject.Contains("water-board:escalates")).ToListAsync());
        var coordinator = await _host.WithDbAsync(db => db.Users.SingleAsync(u => u.UserName == "coordinator"));
        // The alderman keeps it in their digest and, like the mayor and the coordinator, is told of the escalation at once.
        Assert.Equal(4, rows.Count);
        Assert.Equal(3, rows.Count(r => r.Status == OutboxStatus.Pending && r.Subject.EndsWith(" escalated")));
        Assert.Contains(rows, r => r.UserId == coordinator.Id && r.Status == OutboxStatus.Pending && r.To == "rosa.chavez@example.pe");
        await DeliverAsync();
        Assert.Single(_host.Smtp.To(d.Mayor));
        Assert.Single(_host.Smtp.To(d.Alderman));
        Assert.Contains(_host.Smtp.To("rosa.chavez@example.pe"), m => m.TextBody!.Contains("water-board:escalates"));
    }

    [Fact]
    public async Task The_outbox_rows_are_written_with_the_alert_or_not_at_all()
    {
        var d = await DistrictAsync("Atomica");
        Host.Source.Hold(ScriptedAlertSource.Candidate(d.Id, "water-board:atomic", severity: "critical", rule: "test.atomic"));
        _host.Fault.Arm("INSERT INTO \"Outbox\"");
        try
        {
            await Assert.ThrowsAnyAsync<Exception>(() => ReevaluateAsync(d.Id));
        }
        finally
        {
            _host.Fault.Disarm();
        }
        Assert.Empty(await _host.WithDbAsync(db => db.Alerts.AsNoTracking().Where(a => a.Subject == "water-board:atomic").ToListAsync()));
        Assert.Empty(await OutboxAsync("water-board:atomic"));

        // The next pass raises it, and its messages with it, once.
        await ReevaluateAsync(d.Id);
        Assert.Single(await _host.WithDbAsync(db => db.Alerts.AsNoTracking().Where(a => a.Subject == "water-board:atomic").ToListAsync()));
        Assert.Single(await OutboxAsync("water-board:atomic"));
    }

    [Fact]
    public async Task The_daily_digest_groups_a_persons_alerts_by_district_and_severity_and_says_nothing_when_there_is_nothing()
    {
        var d = await DistrictAsync("Resumen");
        var others = await DistrictAsync("Resumen Otro");
        Host.Source.Hold(
            ScriptedAlertSource.Candidate(d.Id, "water-board:digest-1", rule: "test.digest", notifies: ["alderman", "mayor"]),
            ScriptedAlertSource.Candidate(d.Id, "water-board:digest-2", severity: "info", rule: "test.digest", notifies: ["mayor"]),
            ScriptedAlertSource.Candidate(d.Id, "commitment:digest-3", rule: "test.digest", notifies: ["alderman"]));
        await ReevaluateAsync(d.Id);
        await SetPersonAsync((await UserNameOfAsync(d.Alderman))!, d.Alderman, "es", "Elena Vásquez", digestOff: "test");
        // The alderman turned the "test" topic off before the next one: no row for them.
        Host.Source.Hold(
            ScriptedAlertSource.Candidate(d.Id, "water-board:digest-1", rule: "test.digest", notifies: ["alderman", "mayor"]),
            ScriptedAlertSource.Candidate(d.Id, "water-board:digest-2", severity: "info", rule: "test.digest", notifies: ["mayor"]),
            ScriptedAlertSource.Candidate(d.Id, "commitment:digest-3", rule: "test.digest", notifies: ["alderman"]),
            ScriptedAlertSource.Candidate(d.Id, "commitment:digest-4", rule: "test.digest", notifies: ["alderman"]));
        await ReevaluateAsync(d.Id);
        Assert.Empty(await OutboxAsync("commitment:digest-4"));
        Assert.Empty(await _host.WithDbAsync(db => db.Set<OutboxMessage>().Where(m => m.To == others.Mayor).ToListAsync()));

        Assert.True(await DigestAsync() >= 2);
        await DeliverAsync();
        var digest = Assert.Single(_host.Smtp.To(d.Mayor));
        Assert.StartsWith("Propilas: 2 alerta(s) por atender", digest.Subject);
        var body = digest.TextBody!;
        Assert.True(body.IndexOf("-- Advertencias --", StringComparison.Ordinal) < body.IndexOf("-- Para información --", StringComparison.Ordinal));
        Assert.Contains("water-board:digest-1", body);
        Assert.Contains("water-board:digest-2", body);
        Assert.Contains($"{BaseUrl}/districts/{d.Slug}/alerts", body);
        Assert.Single(_host.Smtp.To(d.Alderman)); // digest-1 and digest-3, queued before the topic was turned off
        Assert.All(await OutboxAsync("digest-1"), r => Assert.Equal(OutboxStatus.InDigest, r.Status));

        // A second run the same day, or a day with nothing queued: no digest.
        Assert.Equal(0, await DigestAsync());
        await DeliverAsync();
        Assert.Empty(_host.Smtp.To(others.Mayor));
        Assert.Single(_host.Smtp.To(d.Mayor));
    }

    [Fact]
    public async Task No_message_is_written_for_a_disabled_account_or_an_empty_address()
    {
        var d = await DistrictAsync("Inactiva");
        var mayor = (await UserNameOfAsync(d.Mayor))!;
        var alderman = (await UserNameOfAsync(d.Alderman))!;
        await SetPersonAsync(mayor, d.Mayor, "es", "Julio Huamán", locked: true);
        await SetPersonAsync(alderman, null, "es", "Elena Vásquez");
        Host.Source.Hold(ScriptedAlertSource.Candidate(d.Id, "water-board:nobody", severity: "critical", rule: "test.nobody", notifies: ["alderman", "mayor"]));
        await ReevaluateAsync(d.Id);
        Assert.Empty(await OutboxAsync("water-board:nobody"));
    }

    [Fact]
    public async Task A_server_that_is_down_leaves_messages_pending_with_the_error_and_they_go_once_when_it_comes_back()
    {
        var d = await DistrictAsync("Caida");
        await _host.Smtp.StopAsync();
        Host.Source.Hold(ScriptedAlertSource.Candidate(d.Id, "water-board:down", severity: "critical", rule: "test.down", notifies: ["mayor"]));
        await ReevaluateAsync(d.Id);
        await DeliverAsync();
        var pending = Assert.Single(await OutboxAsync("water-board:down"));
        Assert.Equal(OutboxStatus.Pending, pending.Status);
        Assert.Equal(1, pending.Attempts);
        Assert.False(string.IsNullOrEmpty(pending.LastError));
        Assert.True(pending.NextAttemptAt > _host.Time!.GetUtcNow());

        // Before its next attempt nothing is tried; after it, the server back, it goes, and two runs at once send it once.
        _host.Smtp.Start();
        await DeliverAsync();
        Assert.Empty(_host.Smtp.To(d.Mayor));
        _host.Time!.Advance(OutboxDelivery.BackOff(1));
        await Task.WhenAll(DeliverAsync(), DeliverAsync(), DeliverAsync());
        Assert.Single(_host.Smtp.To(d.Mayor));
        var sent = Assert.Single(await OutboxAsync("water-board:down"));
        Assert.Equal(OutboxStatus.Sent, sent.Status);
        Assert.Equal(2, sent.Attempts);
    }

    [Fact]
    public async Task A_message_that_failed_for_good_waits_for_the_coordinator_and_goes_when_resent()
    {
        var d = await DistrictAsync("Fallida");
        Host.Source.Hold(ScriptedAlertSource.Candidate(d.Id, "water-board:failed", severity: "critical", rule: "test.failed", notifies: ["mayor"]));
        await ReevaluateAsync(d.Id);
        var row = Assert.Single(await OutboxAsync("water-board:failed"));
        await _host.WithDbAsync(db => db.Set<OutboxMessage>().Where(m => m.Id == row.Id).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, OutboxStatus.Failed).SetProperty(m => m.Attempts, OutboxDelivery.MaxAttempts).SetProperty(m => m.LastError, "SocketException: refused")));
        await DeliverAsync();
        Assert.Empty(_host.Smtp.To(d.Mayor));

        var coordinator = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new(System.Security.Claims.ClaimTypes.Name, "coordinator"), new(System.Security.Claims.ClaimTypes.Role, Roles.Coordinator)], "test"));
        Assert.True(await WithAsync(sp => sp.GetRequiredService<OutboxResend>().ResendAsync(row.Id, coordinator, CancellationToken.None)));
        Assert.False(await WithAsync(sp => sp.GetRequiredService<OutboxResend>().ResendAsync(row.Id, coordinator, CancellationToken.None)));
        await DeliverAsync();
        Assert.Single(_host.Smtp.To(d.Mayor));
        Assert.Contains("outbox.resent", await _host.WithDbAsync(db => db.AuditEvents.Where(e => e.Subject == $"outbox:{row.Id}").Select(e => e.Action).ToListAsync()));
    }

    private Task<string?> UserNameOfAsync(string email) => _host.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.UserName).SingleOrDefaultAsync());
}
