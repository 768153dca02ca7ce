namespace Propilas.Host.Tests.WaterBoards;

/// <summary>The time-based pass on a moving clock: a visit falls overdue at 90 days and is escalated to the mayor at 180.</summary>
public sealed class VisitEscalationTests
{
    [Fact]
    public async Task The_scheduled_pass_raises_the_overdue_visit_at_90_days_and_escalates_it_to_the_mayor_at_180()
    {
        await using var host = new BoardHost();
        var d = await BoardDistrict.CreateAsync(host, "Miracosta");
        var id = BoardDistrict.Id(await d.AddVisitedBoardAsync(host));

        async Task<JsonElement?> AfterDaysAsync(int days)
        {
            host.Time!.SetUtcNow(PropilasFactory.DefaultNow.AddDays(days));
            await Board.RunFullPassAsync(host);
            // Tokens expire with the clock: sign in again at the new time.
            var coordinator = await host.LoginAsync("coordinator");
            var alerts = await coordinator.GetAsync($"/api/alerts?district={d.Slug}&rule=water-board.visit-overdue").ExpectAsync(HttpStatusCode.OK);
            return alerts.EnumerateArray().Where(a => a.Str("subject") == $"water-board:{id}").Cast<JsonElement?>().SingleOrDefault();
        }

        Assert.Null(await AfterDaysAsync(89));
        var raised = (await AfterDaysAsync(90))!.Value;
        Assert.False(raised.GetProperty("escalated").GetBoolean());
        Assert.Equal("warning", raised.Str("severity"));

        var still = (await AfterDaysAsync(179))!.Value;
        Assert.False(still.GetProperty("escalated").GetBoolean());
        Assert.Equal(raised.GetProperty("id").GetInt64(), still.GetProperty("id").GetInt64());

        var escalated = (await AfterDaysAsync(180))!.Value;
        Assert.True(escalated.GetProperty("escalated").GetBoolean());
        Assert.Equal("critical", escalated.Str("severity"));
        Assert.Equal(["atm", "coordinator", "mayor"], escalated.GetProperty("notifies").EnumerateArray().Select(r => r.GetString()).Order());
        Assert.Equal(raised.GetProperty("id").GetInt64(), escalated.GetProperty("id").GetInt64());

        var mayor = await host.LoginAsync(d.District.MayorName, TestDistrict.AccountPassword);
        var mine = await mayor.GetAsync("/api/alerts?mine=true").ExpectAsync(HttpStatusCode.OK);
        Assert.Contains(mine.EnumerateArray(), a => a.Str("ruleId") == "water-board.visit-overdue" && a.Str("subject") == $"water-board:{id}");
    }
}
