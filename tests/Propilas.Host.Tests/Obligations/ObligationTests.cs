using Propilas.Host.Tests.WaterBoards;

namespace Propilas.Host.Tests.Obligations;

/// <summary>Stakeholder obligations from the role matrix, as a district's process reaches each phase, and their fulfilment.</summary>
public sealed class ObligationTests(BoardHost host) : IClassFixture<BoardHost>
{
    private static string Url(string slug) => $"/api/districts/{slug}/obligations";

    private static async Task<List<JsonElement>> ListAsync(HttpClient client, string slug, string query = "") =>
        (await client.GetAsync(Url(slug) + query).ExpectAsync(HttpStatusCode.OK)).EnumerateArray().ToList();

    private static DateOnly Day(JsonElement e, string property) => DateOnly.Parse(e.Str(property), System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_new_district_owes_the_diagnosis_and_planning_rows_due_on_the_workflow_timeline()
    {
        var d = await TestDistrict.CreateAsync(host, TestDistrict.UniqueName("Sorochuco"));
        var started = DateOnly.FromDateTime(host.Time!.GetUtcNow().UtcDateTime);

        var obligations = await ListAsync(d.Mayor, d.Slug);

        Assert.Equal(18, obligations.Count);
        var diagnosis = obligations.Where(o => o.Str("phase") == "diagnosis").ToList();
        Assert.Equal(["municipality", "community", "ministryOfEducation", "ministryOfHealth"], diagnosis.Select(o => o.Str("stakeholder")));
        // Due with the diagnosis step (120 days after the preparatory stage started).
        var step = (await d.ProcessAsync()).Step("diagnosis");
        Assert.All(diagnosis, o => Assert.Equal(DateOnly.FromDateTime(step.GetProperty("dueAt").GetDateTimeOffset().UtcDateTime), Day(o, "dueOn")));
        Assert.All(diagnosis, o => Assert.Equal(started.AddDays(120), Day(o, "dueOn")));
        // Planning rows: due when the institutional gate is, projected 120 + 90 + 90 days ahead while its stages have not started.
        var planning = obligations.Where(o => o.Str("phase") == "planning").ToList();
        Assert.Equal(14, planning.Count);
        Assert.All(planning, o => Assert.Equal(started.AddDays(300), Day(o, "dueOn")));
        Assert.All(obligations, o => Assert.Equal("open", o.Str("status")));
        var first = obligations[0];
        Assert.Equal("diagnosis.municipality.1", first.Str("key"));
        Assert.Equal("Identificar la situación de los servicios de agua y saneamiento", first.GetProperty("text").Str("es"));
        Assert.Equal("Identify the situation of the W&S services", first.GetProperty("text").Str("en"));
    }

    [Fact]
    public async Task After_council_approval_all_45_rows_are_owed_and_repeated_changes_add_none_twice()
    {
        var d = await TestDistrict.CreateAsync(host, TestDistrict.UniqueName("Cupisnique"));
        var today = DateOnly.FromDateTime(host.Time!.GetUtcNow().UtcDateTime);

        foreach (var stage in Plan.Stages)
        {
            await d.CompleteStageAsync(stage);
            Assert.Equal(18, (await ListAsync(d.Coordinator, d.Slug)).Count);
            await d.Mayor.ApproveGateAsync(d.Slug, stage).ExpectAsync(HttpStatusCode.OK);
        }

        var obligations = await ListAsync(d.Coordinator, d.Slug);
        Assert.Equal(45, obligations.Count);
        Assert.Equal(45, obligations.Select(o => o.Str("key")).Distinct().Count());
        Assert.Equal(10, obligations.Count(o => o.Str("phase") == "execution"));
        Assert.Equal(17, obligations.Count(o => o.Str("phase") == "postExecution"));
        // The process completed today: execution rows a year on, post-execution two (obligation-due-dates.json).
        Assert.All(obligations.Where(o => o.Str("phase") == "execution"), o => Assert.Equal(today.AddDays(365), Day(o, "dueOn")));
        Assert.All(obligations.Where(o => o.Str("phase") == "postExecution"), o => Assert.Equal(today.AddDays(730), Day(o, "dueOn")));
        // The planning rows followed the institutional gate as the stages actually started: the last one today, its longest step 90 days.
        Assert.All(obligations.Where(o => o.Str("phase") == "planning"), o => Assert.Equal(today.AddDays(90), Day(o, "dueOn")));

        var history = await d.Coordinator.HistoryAsync(d.Slug);
        Assert.Equal(2, history.Count(e => e.Str("action") == "obligations.planned"));
        Assert.Equal(2, history.Count(e => e.Str("action") == "obligations.updated")); // design and institutional stages started early
    }

    [Fact]
    public async Task When_a_stage_starts_early_the_open_rows_of_its_phase_move_and_a_fulfilled_one_and_other_districts_stay()
    {
        var d = await TestDistrict.CreateAsync(host, TestDistrict.UniqueName("Chugur"));
        var other = await TestDistrict.CreateAsync(host, TestDistrict.UniqueName("Hualgayoc"));
        var today = DateOnly.FromDateTime(host.Time!.GetUtcNow().UtcDateTime);
        var planning = await ListAsync(d.Alderman, d.Slug, "?phase=planning");
        var done = planning.Single(o => o.Str("key") == "planning.municipality.1");
        await d.Alderman.PostAsJsonAsync($"{Url(d.Slug)}/{done.GetProperty("id").GetInt32()}/fulfil",
            new { evidence = "Acta de acuerdos", fulfilledOn = today, expectedVersion = 1 }).ExpectAsync(HttpStatusCode.OK);

        await d.CompleteStageAsync("preparatory");
        await d.Mayor.ApproveGateAsync(d.Slug, "preparatory").ExpectAsync(HttpStatusCode.OK);

        // The design stage started today, not on its projected day 120: the planning rows now fall due 90 + 90 days on.
        var after = (await ListAsync(d.Coordinator, d.Slug, "?phase=planning")).ToDictionary(o => o.Str("key"));
        Assert.Equal(today.AddDays(300), Day(after["planning.municipality.1"], "dueOn"));
        Assert.Equal("fulfilled", after["planning.municipality.1"].Str("status"));
        var moved = after.Values.Where(o => o.Str("key") != "planning.municipality.1").ToList();
        Assert.Equal(13, moved.Count);
        Assert.All(moved, o => Assert.Equal(today.AddDays(180), Day(o, "dueOn")));
        Assert.All(moved, o => Assert.Equal(2, o.GetProperty("version").GetInt32()));
        Assert.All(await ListAsync(other.Coordinator, other.Slug, "?phase=planning"), o => Assert.Equal(today.AddDays(300), Day(o, "dueOn")));
    }

    [Fact]
    public async Task Obligations_are_fulfilled_with_evidence_once_by_whoever_may_record_them()
    {
        var b = await BoardDistrict.CreateAsync(host, "Chalamarca");
        var d = b.District;
        var obligations = await ListAsync(d.Alderman, d.Slug, "?phase=diagnosis");
        int IdOf(string key) => obligations.Single(o => o.Str("key") == key).GetProperty("id").GetInt32();
        var municipal = IdOf("diagnosis.municipality.1");
        var health = IdOf("diagnosis.ministry_of_health.1");
        var today = DateOnly.FromDateTime(host.Time!.GetUtcNow().UtcDateTime);

        var invalid = await d.Alderman.PostAsJsonAsync($"{Url(d.Slug)}/{municipal}/fulfil", new { evidence = " ", fulfilledOn = today.AddDays(1) })
            .ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["evidence", "fulfilledOn"], invalid.ErrorKeys().Order());
        await b.HealthPost.PostAsJsonAsync($"{Url(d.Slug)}/{municipal}/fulfil", new { evidence = "Informe" }).ExpectAsync(HttpStatusCode.Forbidden);

        var fulfilled = await d.Alderman.PostAsJsonAsync($"{Url(d.Slug)}/{municipal}/fulfil",
            new { evidence = "Informe del diagnóstico distrital, acta del 12/05", fulfilledOn = today.AddDays(-2), expectedVersion = 1 })
            .ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("fulfilled", fulfilled.Str("status"));
        Assert.Equal(today.AddDays(-2), Day(fulfilled, "fulfilledOn"));
        Assert.Equal(d.AldermanName, fulfilled.Str("fulfilledBy"));
        Assert.Equal("alderman", fulfilled.Str("fulfilledRole"));
        Assert.Equal(2, fulfilled.GetProperty("version").GetInt32());

        var again = await d.Mayor.PostAsJsonAsync($"{Url(d.Slug)}/{municipal}/fulfil", new { evidence = "Otra vez" }).ExpectAsync(HttpStatusCode.Conflict);
        Assert.Equal("already-fulfilled", again.Str("reason"));
        var byHealthPost = await b.HealthPost.PostAsJsonAsync($"{Url(d.Slug)}/{health}/fulfil", new { evidence = "Clasificación de riesgos sanitarios 2026" })
            .ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("health-post", byHealthPost.Str("fulfilledRole"));

        Assert.Equal([municipal, health], (await ListAsync(d.Mayor, d.Slug, "?status=fulfilled")).Select(o => o.GetProperty("id").GetInt32()).Order());
        Assert.Equal(2, (await ListAsync(d.Mayor, d.Slug, "?stakeholder=ministry_of_health")).Count);
        Assert.Single(await ListAsync(d.Mayor, d.Slug, "?stakeholder=ministryOfHealth&status=open"));
        var audit = (await d.Coordinator.HistoryAsync(d.Slug)).Single(e => e.Str("action") == "obligation.fulfilled" && e.Str("by") == d.AldermanName);
        Assert.Equal($"obligation:{municipal} diagnosis.municipality.1", audit.Str("target"));
        Assert.Equal("Informe del diagnóstico distrital, acta del 12/05", audit.GetProperty("evidence").Str("evidence"));
    }

    [Fact]
    public async Task A_fulfilment_from_an_older_version_is_stale_and_other_districts_and_unknown_ids_are_refused()
    {
        var d = await TestDistrict.CreateAsync(host, TestDistrict.UniqueName("Pión"));
        var other = await TestDistrict.CreateAsync(host, TestDistrict.UniqueName("Cochabamba"));
        var planning = (await ListAsync(d.Alderman, d.Slug, "?phase=planning"))[0];
        var id = planning.GetProperty("id").GetInt32();
        Assert.Equal(1, planning.GetProperty("version").GetInt32());

        // The preparatory stage closes early: the planning rows follow the new timeline, and forms opened before are stale.
        await d.CompleteStageAsync("preparatory");
        await d.Mayor.ApproveGateAsync(d.Slug, "preparatory").ExpectAsync(HttpStatusCode.OK);
        var stale = await d.Alderman.PostAsJsonAsync($"{Url(d.Slug)}/{id}/fulfil", new { evidence = "Acta", expectedVersion = 1 })
            .ExpectAsync(HttpStatusCode.Conflict);
        Assert.Equal("stale", stale.Str("reason"));
        Assert.Equal("open", (await ListAsync(d.Alderman, d.Slug, "?phase=planning")).Single(o => o.GetProperty("id").GetInt32() == id).Str("status"));

        await other.Mayor.GetAsync(Url(d.Slug)).ExpectAsync(HttpStatusCode.Forbidden);
        await other.Alderman.PostAsJsonAsync($"{Url(d.Slug)}/{id}/fulfil", new { evidence = "Acta" }).ExpectAsync(HttpStatusCode.Forbidden);
        await d.Alderman.GetAsync(Url("no-such-district")).ExpectAsync(HttpStatusCode.NotFound);
        await d.Alderman.PostAsJsonAsync($"{Url(d.Slug)}/999999/fulfil", new { evidence = "Acta" }).ExpectAsync(HttpStatusCode.NotFound);
        // The other district's obligation through my district's address is not found.
        await other.Alderman.PostAsJsonAsync($"{Url(other.Slug)}/{id}/fulfil", new { evidence = "Acta" }).ExpectAsync(HttpStatusCode.NotFound);
        var badFilter = await d.Mayor.GetAsync($"{Url(d.Slug)}?status=late&stakeholder=church").ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["stakeholder", "status"], badFilter.ErrorKeys().Order());
    }
}
