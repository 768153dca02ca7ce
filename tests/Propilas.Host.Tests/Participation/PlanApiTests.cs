namespace Propilas.Host.Tests.Participation;

/// <summary>Strategic goals and operating-plan activities through the API.</summary>
[Collection(SeededHostCollection.Name)]
public sealed class PlanApiTests(SeededHost host)
{
    private static string Goals(string slug) => GateFacts.Url(slug, "plan/goals");
    private static string Activities(string slug) => GateFacts.Url(slug, "plan/activities");

    [Fact]
    public async Task Goals_get_their_targets_and_activities_their_owners()
    {
        var d = await TestDistrict.CreateAsync(host, TestDistrict.UniqueName("Huambos"), recordGateFacts: false);
        var goal = await GateFacts.AddGoalAsync(d.Alderman, d.Slug, "Reducir la EDA en menores de cinco años", null, "health-hygiene-education");
        var goalId = goal.GetProperty("id").GetInt32();
        Assert.False(goal.TryGetProperty("targetValue", out _));
        Assert.Equal("health-hygiene-education", goal.Str("keyIssue"));

        var changed = await d.Alderman.PutAsJsonAsync($"{Goals(d.Slug)}/{goalId}", new
        {
            keyIssue = "health-hygiene-education", text = "Reducir la EDA en menores de cinco años", targetValue = 10.5m, targetUnit = "% de prevalencia",
            targetYear = 2030, expectedVersion = 1,
        }).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal((10.5m, "% de prevalencia", 2030, 2),
            (changed.GetProperty("targetValue").GetDecimal(), changed.Str("targetUnit"), changed.GetProperty("targetYear").GetInt32(), changed.Version()));

        var activity = await GateFacts.AddActivityAsync(d.Alderman, d.Slug, goalId, "Sesiones de lavado de manos", null, 2027);
        var activityId = activity.GetProperty("id").GetInt32();
        var owned = await d.Coordinator.PutAsJsonAsync($"{Activities(d.Slug)}/{activityId}",
            new { goalId, text = "Sesiones de lavado de manos", owner = "Puesto de salud", year = 2027, expectedVersion = 1 }).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(("Puesto de salud", 2), (owned.Str("owner"), owned.Version()));

        var listed = Assert.Single((await d.Mayor.GetAsync(Activities(d.Slug)).ExpectAsync(HttpStatusCode.OK)).EnumerateArray());
        Assert.Equal((goalId, "Puesto de salud"), (listed.GetProperty("goalId").GetInt32(), listed.Str("owner")));

        // A goal with activities stays; without them it can go.
        var problem = await d.Alderman.DeleteAsync($"{Goals(d.Slug)}/{goalId}").ExpectAsync(HttpStatusCode.Conflict);
        Assert.Equal("has-activities", problem.Str("reason"));
        await d.Alderman.DeleteAsync($"{Activities(d.Slug)}/{activityId}?expectedVersion=2").ExpectAsync(HttpStatusCode.OK);
        await d.Alderman.DeleteAsync($"{Goals(d.Slug)}/{goalId}?expectedVersion=2").ExpectAsync(HttpStatusCode.OK);
        Assert.Empty((await d.Alderman.GetAsync(Goals(d.Slug)).ExpectAsync(HttpStatusCode.OK)).EnumerateArray());
    }

    [Fact]
    public async Task A_bad_goal_or_activity_is_400_naming_the_field()
    {
        var d = await TestDistrict.CreateAsync(host, TestDistrict.UniqueName("Chalamarca"), recordGateFacts: false);
        var problem = await d.Alderman.PostAsJsonAsync(Goals(d.Slug), new { keyIssue = "roads", text = "", targetValue = 50m })
            .ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["keyIssue", "targetUnit", "targetYear", "text"], problem.ErrorKeys().Order());
        problem = await d.Alderman.PostAsJsonAsync(Goals(d.Slug), new { keyIssue = "aom", text = "JASS capacitadas", targetUnit = "JASS" })
            .ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["targetValue"], problem.ErrorKeys());

        // An activity must hang from a goal of the same district.
        var otherDistrictsGoal = (await d.Coordinator.GetAsync(Goals("utco")).ExpectAsync(HttpStatusCode.OK)).EnumerateArray().First().GetProperty("id").GetInt32();
        problem = await d.Alderman.PostAsJsonAsync(Activities(d.Slug), new { goalId = otherDistrictsGoal, text = "Visitas", year = 1980 })
            .ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["goalId", "year"], problem.ErrorKeys().Order());
        Assert.Empty((await d.Alderman.GetAsync(Activities(d.Slug)).ExpectAsync(HttpStatusCode.OK)).EnumerateArray());
    }

    [Fact]
    public async Task Outsiders_are_403_unknown_ones_404_and_a_stale_change_409()
    {
        var d = await TestDistrict.CreateAsync(host, TestDistrict.UniqueName("Conchan"), recordGateFacts: false);
        var goalId = (await GateFacts.AddGoalAsync(d.Alderman, d.Slug, "Cobertura", 80m)).GetProperty("id").GetInt32();
        var change = new { keyIssue = "infrastructure", text = "Cobertura de agua segura", targetValue = 85m, targetUnit = "%", targetYear = 2031, expectedVersion = 1 };

        await d.Mayor.PutAsJsonAsync($"{Goals(d.Slug)}/{goalId}", change).ExpectAsync(HttpStatusCode.Forbidden);
        foreach (var outsider in new[] { await host.LoginAsync("mayor.llacanora"), await host.LoginAsync("alderman.llacanora") })
        {
            await outsider.GetAsync(Goals(d.Slug)).ExpectAsync(HttpStatusCode.Forbidden);
            await outsider.GetAsync(Activities(d.Slug)).ExpectAsync(HttpStatusCode.Forbidden);
            await outsider.PutAsJsonAsync($"{Goals(d.Slug)}/{goalId}", change).ExpectAsync(HttpStatusCode.Forbidden);
        }
        await d.Alderman.PutAsJsonAsync($"{Goals(d.Slug)}/999999", change).ExpectAsync(HttpStatusCode.NotFound);
        await d.Alderman.GetAsync(Goals("no-such-district")).ExpectAsync(HttpStatusCode.NotFound);

        await d.Coordinator.PutAsJsonAsync($"{Goals(d.Slug)}/{goalId}", change).ExpectAsync(HttpStatusCode.OK);
        var problem = await d.Alderman.PutAsJsonAsync($"{Goals(d.Slug)}/{goalId}", change with { targetValue = 99m }).ExpectAsync(HttpStatusCode.Conflict);
        Assert.Equal("stale", problem.Str("reason"));
        var stored = Assert.Single((await d.Alderman.GetAsync(Goals(d.Slug)).ExpectAsync(HttpStatusCode.OK)).EnumerateArray());
        Assert.Equal((85m, 2), (stored.GetProperty("targetValue").GetDecimal(), stored.Version()));
    }
}
