using Microsoft.EntityFrameworkCore;
using Propilas.Host.Notifications;
using Propilas.Host.Tests.WaterBoards;

namespace Propilas.Host.Tests.Obligations;

/// <summary><c>obligation.overdue</c> on a moving clock: not on the due day, from the day after; resolved by fulfilment.</summary>
public sealed class ObligationOverdueTests
{
    [Fact]
    public async Task The_diagnosis_rows_fall_overdue_the_day_after_their_due_date_and_alert_the_coordinator_and_the_mayor()
    {
        await using var host = new BoardHost();
        var d = await TestDistrict.CreateAsync(host, TestDistrict.UniqueName("Jesús"));
        var dueOn = DateOnly.FromDateTime(PropilasFactory.DefaultNow.UtcDateTime).AddDays(120);

        async Task<List<JsonElement>> OverdueAfterDaysAsync(int days)
        {
            host.Time!.SetUtcNow(PropilasFactory.DefaultNow.AddDays(days));
            await Board.RunFullPassAsync(host);
            var coordinator = await host.LoginAsync("coordinator");
            return (await coordinator.GetAsync($"/api/alerts?district={d.Slug}&rule=obligation.overdue").ExpectAsync(HttpStatusCode.OK))
                .EnumerateArray().ToList();
        }

        Assert.Empty(await OverdueAfterDaysAsync(120));
        var overdue = await OverdueAfterDaysAsync(121);

        Assert.Equal(4, overdue.Count);
        Assert.All(overdue, a => Assert.Equal(["coordinator", "mayor"], a.GetProperty("notifies").EnumerateArray().Select(r => r.GetString())));
        var mayor = await host.LoginAsync(d.MayorName, TestDistrict.AccountPassword);
        var obligations = (await mayor.GetAsync($"/api/districts/{d.Slug}/obligations?status=overdue").ExpectAsync(HttpStatusCode.OK)).EnumerateArray().ToList();
        Assert.Equal(4, obligations.Count);
        Assert.All(obligations, o => Assert.Equal(1, o.GetProperty("daysOverdue").GetInt32()));
        var municipal = obligations.Single(o => o.Str("key") == "diagnosis.municipality.1");
        var alert = overdue.Single(a => a.Str("subject") == $"obligation:{municipal.GetProperty("id").GetInt32()}");
        Assert.Equal($"Municipalidad: obligación vencida el {dueOn.ToString("d", System.Globalization.CultureInfo.GetCultureInfo("es-PE"))} (hace 1 días): Identificar la situación de los servicios de agua y saneamiento.",
            alert.GetProperty("message").Str("es"));

        var fulfilled = await mayor.PostAsJsonAsync($"/api/districts/{d.Slug}/obligations/{municipal.GetProperty("id").GetInt32()}/fulfil",
            new { evidence = "Informe del diagnóstico" }).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("fulfilled", fulfilled.Str("status"));
        var open = (await mayor.GetAsync($"/api/alerts?district={d.Slug}&rule=obligation.overdue").ExpectAsync(HttpStatusCode.OK)).EnumerateArray().ToList();
        Assert.Equal(3, open.Count);
        Assert.DoesNotContain(open, a => a.GetProperty("id").GetInt64() == alert.GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task The_diagnosis_rows_are_reminded_to_the_mayor_seven_days_before_they_fall_due_and_not_earlier()
    {
        await using var host = new BoardHost();
        var d = await TestDistrict.CreateAsync(host, TestDistrict.UniqueName("Sucre"));
        await host.WithDbAsync(async db =>
        {
            foreach (var user in await db.Users.Where(u => u.UserName == d.AldermanName || u.UserName == d.MayorName).ToListAsync())
                user.Email = $"{user.UserName}@example.pe";
            return await db.SaveChangesAsync();
        });

        async Task<List<JsonElement>> RemindersAfterDaysAsync(int days)
        {
            host.Time!.SetUtcNow(PropilasFactory.DefaultNow.AddDays(days));
            await Board.RunFullPassAsync(host);
            var coordinator = await host.LoginAsync("coordinator");
            return (await coordinator.GetAsync($"/api/alerts?district={d.Slug}&rule=obligation.due-soon").ExpectAsync(HttpStatusCode.OK))
                .EnumerateArray().ToList();
        }

        Assert.Empty(await RemindersAfterDaysAsync(112)); // 8 days before the due date
        var reminders = await RemindersAfterDaysAsync(113);
        Assert.Equal(4, reminders.Count);
        Assert.All(reminders, a => Assert.Equal("mayor|info",
            string.Join(',', a.GetProperty("notifies").EnumerateArray().Select(r => r.GetString())) + "|" + a.Str("severity")));
        Assert.Contains(reminders, a => a.GetProperty("message").Str("es")
            .StartsWith("Municipalidad: la obligación vence el ", StringComparison.Ordinal) && a.GetProperty("message").Str("es").Contains(", en 7 días: "));

        var mayor = await host.WithDbAsync(db => db.Users.Where(u => u.UserName == d.MayorName).Select(u => u.Id).SingleAsync());
        var outbox = await host.WithDbAsync(db => db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.Subject.StartsWith("obligation.due-soon ")).Select(m => new { m.UserId, m.Status }).ToListAsync());
        Assert.Equal(4, outbox.Count);
        Assert.All(outbox, m => Assert.Equal((mayor, OutboxStatus.Queued), (m.UserId, m.Status)));

        Assert.Equal(4, (await RemindersAfterDaysAsync(120)).Count); // due today: still reminded
        Assert.Empty(await RemindersAfterDaysAsync(121)); // overdue: obligation.overdue takes over
    }
}
