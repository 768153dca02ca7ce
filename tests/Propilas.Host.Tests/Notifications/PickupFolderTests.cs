using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Propilas.Host.Alerts;
using Propilas.Host.Notifications;
using Propilas.Host.Tests.Alerts;
using Propilas.Host.Tests.Infrastructure;

namespace Propilas.Host.Tests.Notifications;

/// <summary>Without a mail server configured, messages are written as .eml files to the pickup folder.</summary>
public sealed class PickupFolderTests : IClassFixture<PickupFolderTests.Host>
{
    public sealed class Host() : PropilasFactory(new HostSettings
    {
        FakeNow = DefaultNow,
        SeedPilots = false,
        Services = s => s.AddSingleton(Source).AddSingleton<IAlertSource>(sp => sp.GetRequiredService<ScriptedAlertSource>()),
    })
    {
        public static readonly ScriptedAlertSource Source = new();
    }

    private readonly Host _host;

    public PickupFolderTests(Host host) => _host = host;

    [Fact]
    public async Task A_critical_alert_becomes_an_eml_file_in_the_pickup_folder()
    {
        var district = await TestDistrict.CreateAsync(_host, TestDistrict.UniqueName("Recogida"), recordGateFacts: false);
        var address = $"{district.Slug}@example.pe";
        await _host.WithDbAsync(async db =>
        {
            var mayor = await db.Users.SingleAsync(u => u.UserName == district.MayorName);
            mayor.Email = address;
            return await db.SaveChangesAsync();
        });
        var districtId = await _host.DistrictIdAsync(district.Slug);
        Host.Source.Hold(ScriptedAlertSource.Candidate(districtId, "water-board:pickup", severity: "critical", rule: "test.pickup", notifies: ["mayor"]));
        await using var scope = _host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AlertReconciler>().ReevaluateDistrictAsync(districtId, CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<OutboxDelivery>().DeliverDueAsync(CancellationToken.None);
        Host.Source.Hold();

        var row = await _host.WithDbAsync(db => db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Subject.EndsWith("water-board:pickup")));
        Assert.Equal(OutboxStatus.Sent, row.Status);
        var file = Path.Combine(_host.Folder, "mail-pickup", $"outbox-{row.Id}.eml");
        var mail = await MimeMessage.LoadAsync(file);
        Assert.Equal(address, mail.To.Mailboxes.Single().Address);
        Assert.StartsWith("Alerta crítica en ", mail.Subject);
        Assert.Contains($"/districts/{district.Slug}/alerts", mail.TextBody);
    }
}
