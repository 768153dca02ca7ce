using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Propilas.Host.Alerts;
using Propilas.Host.Notifications;

namespace Propilas.Host.Tests.Participation;

/// <summary>A host of its own, whose clock these tests move: the boundary days of invitation.unanswered and commitment.overdue.</summary>
public sealed class ParticipationAlertHost() : PropilasFactory(new HostSettings { FakeNow = DefaultNow, SeedPilots = false });

public sealed class ParticipationAlertTests(ParticipationAlertHost host) : IClassFixture<ParticipationAlertHost>
{
    private async Task PassAsync()
    {
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AlertReconciler>().RunAllAsync(CancellationToken.None);
    }

    /// <summary>A new sign-in: bearer tokens expire within the hour, and these tests move the clock by days.</summary>
    private Task<HttpClient> AsAsync(TestDistrict d, string role) =>
        role == "coordinator" ? host.LoginAsync("coordinator") : host.LoginAsync(d.UserOf(role), TestDistrict.AccountPassword);

    private async Task<IReadOnlyList<JsonElement>> AlertsAsync(TestDistrict d, string rule, string status = "open") =>
        (await (await AsAsync(d, "coordinator")).GetAsync($"/api/alerts?district={d.Slug}&rule={rule}&status={status}").ExpectAsync(HttpStatusCode.OK)).EnumerateArray().ToList();

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task An_invitation_without_answer_alerts_the_alderman_from_day_14_once_and_the_answer_resolves_it()
    {
        var d = await TestDistrict.CreateAsync(host, TestDistrict.UniqueName("Chota"), recordGateFacts: false);
        var invitedOn = host.Today();
        var id = (await GateFacts.InviteAsync(d.Alderman, d.Slug, "Puesto de Salud Chota", "health", invitedOn: Day(invitedOn))).GetProperty("id").GetInt32();
        var unanswered = (await GateFacts.InviteAsync(d.Alderman, d.Slug, "UGEL Chota", "education", invitedOn: Day(invitedOn))).GetProperty("id").GetInt32();
        await d.Alderman.PostAsJsonAsync($"{GateFacts.Url(d.Slug, "invitations")}/{unanswered}/answer", new { answer = "declined" }).ExpectAsync(HttpStatusCode.OK);

        host.Time!.Advance(TimeSpan.FromDays(13));
        await PassAsync();
        Assert.Empty(await AlertsAsync(d, "invitation.unanswered"));

        host.Time.Advance(TimeSpan.FromDays(1)); // day 14
        await PassAsync();
        var alert = Assert.Single(await AlertsAsync(d, "invitation.unanswered"));
        Assert.Equal($"invitation:{id}", alert.Str("subject"));
        Assert.Equal(["alderman"], alert.GetProperty("notifies").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("warning", alert.Str("severity"));
        Assert.Contains("Puesto de Salud Chota (salud) no ha respondido la invitación al taller de planificación", alert.GetProperty("message").Str("es"));
        Assert.Contains("14 days ago", alert.GetProperty("message").Str("en"));

        host.Time.Advance(TimeSpan.FromDays(1)); // day 15: the same alert, its message brought up to date
        await PassAsync();
        var again = Assert.Single(await AlertsAsync(d, "invitation.unanswered"));
        Assert.Equal(alert.GetProperty("id").GetInt64(), again.GetProperty("id").GetInt64());
        Assert.Contains("15 days ago", again.GetProperty("message").Str("en"));
        var mine = (await (await AsAsync(d, "alderman")).GetAsync("/api/alerts?mine=true").ExpectAsync(HttpStatusCode.OK)).EnumerateArray();
        Assert.Contains(mine, a => a.Str("ruleId") == "invitation.unanswered");

        // The answer resolves it before the API answers.
        await (await AsAsync(d, "alderman")).PostAsJsonAsync($"{GateFacts.Url(d.Slug, "invitations")}/{id}/answer", new { answer = "accepted" }).ExpectAsync(HttpStatusCode.OK);
        Assert.Empty(await AlertsAsync(d, "invitation.unanswered"));
        Assert.Single(await AlertsAsync(d, "invitation.unanswered", "resolved"));
    }

    [Fact]
    public async Task A_pending_commitment_alerts_the_alderman_after_its_due_date_and_the_mayor_too_after_30_more_days()
    {
        var d = await TestDistrict.CreateAsync(host, TestDistrict.UniqueName("Tacabamba"), recordGateFacts: false);
        var dueOn = host.Today();
        var created = await d.Alderman.PostAsJsonAsync(GateFacts.Url(d.Slug, "commitments"),
            new { party = "Municipalidad", what = "Comprar cloro para las JASS", amount = 2500m, dueOn = Day(dueOn) }).ExpectAsync(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt32();
        await d.Alderman.PostAsJsonAsync(GateFacts.Url(d.Slug, "commitments"), new { party = "UGEL", what = "Fulfilled in time", dueOn = Day(dueOn) })
            .ExpectAsync(HttpStatusCode.Created);
        await PassAsync();
        Assert.Empty(await AlertsAsync(d, "commitment.overdue")); // due today: not overdue

        host.Time!.Advance(TimeSpan.FromDays(1));
        await PassAsync();
        var alerts = await AlertsAsync(d, "commitment.overdue");
        Assert.Equal(2, alerts.Count);
        var alert = alerts.Single(a => a.Str("subject") == $"commitment:{id}");
        Assert.Equal(["alderman"], alert.GetProperty("notifies").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(("warning", false), (alert.Str("severity"), alert.GetProperty("escalated").GetBoolean()));
        Assert.Contains("por S/ 2,500.00", alert.GetProperty("message").Str("es"));

        // The other one is fulfilled: its alert resolves at once.
        var other = alerts.Single(a => a.Str("subject") != $"commitment:{id}").Str("subject").Split(':')[1];
        await (await AsAsync(d, "alderman")).PostAsJsonAsync($"{GateFacts.Url(d.Slug, "commitments")}/{other}/fulfil", new { evidence = "Oficio 12-2026" }).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal([$"commitment:{id}"], (await AlertsAsync(d, "commitment.overdue")).Select(a => a.Str("subject")));

        host.Time.Advance(TimeSpan.FromDays(29)); // 30 days overdue: still the alderman's
        await PassAsync();
        alert = Assert.Single(await AlertsAsync(d, "commitment.overdue"));
        Assert.False(alert.GetProperty("escalated").GetBoolean());

        host.Time.Advance(TimeSpan.FromDays(1)); // 31 days overdue: 30 more days past the first alert, the mayor is told too
        await PassAsync();
        alert = Assert.Single(await AlertsAsync(d, "commitment.overdue"));
        Assert.True(alert.GetProperty("escalated").GetBoolean());
        Assert.Equal("critical", alert.Str("severity"));
        Assert.Equal(["alderman", "mayor"], alert.GetProperty("notifies").EnumerateArray().Select(r => r.GetString()).Order());
        Assert.Contains((await (await AsAsync(d, "mayor")).GetAsync("/api/alerts?mine=true").ExpectAsync(HttpStatusCode.OK)).EnumerateArray(),
            a => a.Str("subject") == $"commitment:{id}");

        await (await AsAsync(d, "alderman")).PostAsJsonAsync($"{GateFacts.Url(d.Slug, "commitments")}/{id}/cancel", new { reason = "Lo compró la región." }).ExpectAsync(HttpStatusCode.OK);
        Assert.Empty(await AlertsAsync(d, "commitment.overdue"));
    }

    [Fact]
    public async Task A_pending_commitment_is_reminded_to_the_alderman_seven_days_before_it_falls_due_and_not_earlier()
    {
        var d = await TestDistrict.CreateAsync(host, TestDistrict.UniqueName("Recordatorio"), recordGateFacts: false);
        // Both have an address; only the alderman is told of commitments before they fall due.
        await host.WithDbAsync(async db =>
        {
            foreach (var user in await db.Users.Where(u => u.UserName == d.AldermanName || u.UserName == d.MayorName).ToListAsync())
                user.Email = $"{user.UserName}@example.pe";
            return await db.SaveChangesAsync();
        });
        var dueOn = host.Today().AddDays(10);
        var id = (await d.Alderman.PostAsJsonAsync(GateFacts.Url(d.Slug, "commitments"),
            new { party = "Gobierno Regional", what = "Tubería para la línea de conducción", dueOn = Day(dueOn) }).ExpectAsync(HttpStatusCode.Created))
            .GetProperty("id").GetInt32();
        var subject = $"commitment.due-soon commitment:{id}";
        Task<List<(string UserId, string Status)>> OutboxAsync() => host.WithDbAsync(async db =>
            (await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.Subject == subject).Select(m => new { m.UserId, m.Status }).ToListAsync())
            .Select(m => (m.UserId, m.Status.ToString())).ToList());

        await PassAsync();
        host.Time!.Advance(TimeSpan.FromDays(2)); // 8 days left
        await PassAsync();
        Assert.Empty(await AlertsAsync(d, "commitment.due-soon"));
        Assert.Empty(await OutboxAsync());

        host.Time.Advance(TimeSpan.FromDays(1)); // 7 days left
        await PassAsync();
        var reminder = Assert.Single(await AlertsAsync(d, "commitment.due-soon"));
        Assert.Equal(($"commitment:{id}", "info"), (reminder.Str("subject"), reminder.Str("severity")));
        Assert.Equal(["alderman"], reminder.GetProperty("notifies").EnumerateArray().Select(r => r.GetString()));
        Assert.Contains("vence el", reminder.GetProperty("message").Str("es"));
        Assert.Contains("en 7 días", reminder.GetProperty("message").Str("es"));
        var alderman = await host.WithDbAsync(db => db.Users.Where(u => u.UserName == d.AldermanName).Select(u => u.Id).SingleAsync());
        Assert.Equal([(alderman, "Queued")], await OutboxAsync()); // for the alderman's daily digest; nobody else

        host.Time.Advance(TimeSpan.FromDays(8)); // a day overdue: the overdue alert takes over
        await PassAsync();
        Assert.Empty(await AlertsAsync(d, "commitment.due-soon"));
        Assert.Single(await AlertsAsync(d, "commitment.overdue"));
    }
}
