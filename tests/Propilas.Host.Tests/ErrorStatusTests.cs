namespace Propilas.Host.Tests;

/// <summary>401, 403, 400, 404 and 409 as the API promises them, as problem details; none of them changes the process.</summary>
[Collection(SeededHostCollection.Name)]
public sealed class ErrorStatusTests(SeededHost host)
{
    // ---- 401 ----

    [Theory]
    [InlineData("GET", "/api/districts")]
    [InlineData("GET", "/api/districts/san-juan")]
    [InlineData("GET", "/api/districts/san-juan/process")]
    [InlineData("GET", "/api/districts/san-juan/process/history")]
    [InlineData("POST", "/api/districts")]
    [InlineData("POST", "/api/districts/san-juan/accounts")]
    [InlineData("POST", "/api/districts/san-juan/process/steps/council-resolution/complete")]
    [InlineData("POST", "/api/districts/san-juan/process/gates/institutional/approve")]
    public async Task Without_a_token_the_answer_is_401(string method, string url)
    {
        using var anonymous = host.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = method == "POST" ? JsonContent.Create(new { }) : null };
        using var response = await anonymous.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_forged_token_is_401_and_wrong_credentials_do_not_sign_in()
    {
        using var forged = host.ClientWithToken("CfDJ8-not-a-real-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync("/api/districts")).StatusCode);
        using var anonymous = host.CreateClient();
        var login = await anonymous.PostAsJsonAsync("/api/auth/login", new { email = "mayor.utco", password = "not-the-password" });
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.PostAsJsonAsync("/api/auth/register", new { email = "x@example.org", password = "Abcdef-123" })).StatusCode);
    }

    // ---- 403 ----

    [Fact]
    public async Task A_mayor_can_neither_see_nor_act_on_another_district()
    {
        var utco = await host.LoginAsync("mayor.utco");
        var before = await host.ProcessVersionAsync("san-juan");

        await utco.GetAsync("/api/districts/san-juan").ExpectAsync(HttpStatusCode.Forbidden);
        await utco.GetAsync(Api.ProcessUrl("san-juan")).ExpectAsync(HttpStatusCode.Forbidden);
        await utco.GetAsync($"{Api.ProcessUrl("san-juan")}/history").ExpectAsync(HttpStatusCode.Forbidden);
        var problem = await utco.CompleteAsync("san-juan", "council-resolution", Plan.EvidenceOf("council-resolution")).ExpectAsync(HttpStatusCode.Forbidden);
        Assert.Equal(403, problem.GetProperty("status").GetInt32());
        await utco.PostAsJsonAsync($"{Api.ProcessUrl("san-juan")}/steps/council-resolution/reject", new { reason = "no" }).ExpectAsync(HttpStatusCode.Forbidden);
        await utco.ApproveGateAsync("san-juan", "institutional").ExpectAsync(HttpStatusCode.Forbidden);
        await utco.PostAsJsonAsync($"{Api.ProcessUrl("san-juan")}/gates/institutional/reject", new { reason = "no" }).ExpectAsync(HttpStatusCode.Forbidden);

        Assert.Equal(before, await host.ProcessVersionAsync("san-juan"));
        // Its own district stays reachable.
        await utco.GetAsync(Api.ProcessUrl("utco")).ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_alderman_may_not_approve_or_reject_a_gate()
    {
        var d = await TestDistrict.CreateAsync(host, TestDistrict.UniqueName("Sucre"));
        await d.CompleteStageAsync("preparatory");
        var version = (await d.ProcessAsync()).Version();

        var problem = await d.Alderman.ApproveGateAsync(d.Slug, "preparatory").ExpectAsync(HttpStatusCode.Forbidden);
        Assert.Contains("mayor", problem.Str("detail"));
        await d.Alderman.PostAsJsonAsync($"{Api.ProcessUrl(d.Slug)}/gates/preparatory/reject", new { reason = "no" }).ExpectAsync(HttpStatusCode.Forbidden);
        // Nor may the coordinator: the gate is the mayor's.
        await d.Coordinator.ApproveGateAsync(d.Slug, "preparatory").ExpectAsync(HttpStatusCode.Forbidden);

        var process = await d.ProcessAsync();
        Assert.Equal(version, process.Version());
        Assert.Equal("active", process.Stage("preparatory").Str("status"));
    }

    [Fact]
    public async Task The_coordinator_may_not_complete_the_mayors_step_nor_an_alderman_the_coordinators()
    {
        var d = await TestDistrict.CreateAsync(host, TestDistrict.UniqueName("Oxamarca"));
        await d.CompleteAsync("induction"); // mayor-support is now ready: the 403 is about the role, not readiness

        await d.Coordinator.CompleteAsync(d.Slug, "mayor-support", Plan.EvidenceOf("mayor-support")).ExpectAsync(HttpStatusCode.Forbidden);
        await d.Alderman.CompleteAsync(d.Slug, "methodology", Plan.EvidenceOf("methodology")).ExpectAsync(HttpStatusCode.Forbidden);
        await d.Mayor.CompleteAsync(d.Slug, "stakeholder-invitations", Plan.EvidenceOf("stakeholder-invitations")).ExpectAsync(HttpStatusCode.Forbidden);

        var process = await d.ProcessAsync();
        Assert.Equal("ready", process.Step("mayor-support").Str("status"));
        Assert.Equal("ready", process.Step("methodology").Str("status"));
    }

    [Fact]
    public async Task Only_the_coordinator_registers_districts_and_creates_accounts()
    {
        var mayor = await host.LoginAsync("mayor.lajas");
        var alderman = await host.LoginAsync("alderman.lajas");
        var name = TestDistrict.UniqueName("Chumuch");
        await mayor.PostAsJsonAsync("/api/districts", new { name, province = "Celendín" }).ExpectAsync(HttpStatusCode.Forbidden);
        await alderman.PostAsJsonAsync("/api/districts", new { name, province = "Celendín" }).ExpectAsync(HttpStatusCode.Forbidden);
        await mayor.PostAsJsonAsync("/api/districts/lajas/accounts", new { userName = "otro.alcalde", role = "mayor", password = "Clave-Segura-1" })
            .ExpectAsync(HttpStatusCode.Forbidden);

        var coordinator = await host.LoginAsync("coordinator");
        var all = (await coordinator.GetAsync("/api/districts").ExpectAsync(HttpStatusCode.OK)).EnumerateArray().Select(d => d.Str("name"));
        Assert.DoesNotContain(name, all);
        Assert.False(await host.WithDbAsync(db => Task.FromResult(db.Users.Any(u => u.UserName == "otro.alcalde"))));
    }

    // ---- 400 ----

    [Fact]
    public async Task Missing_required_evidence_is_400_naming_the_field()
    {
        var mayor = await host.LoginAsync("mayor.san-juan");
        var before = await host.ProcessVersionAsync("san-juan");

        var problem = await mayor.CompleteAsync("san-juan", "council-resolution", new { resolutionDate = "2026-03-01" }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["evidence.resolutionNumber"], problem.ErrorKeys());
        Assert.Equal(400, problem.GetProperty("status").GetInt32());

        problem = await mayor.CompleteAsync("san-juan", "council-resolution", new { resolutionNumber = "   " }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["evidence.resolutionDate", "evidence.resolutionNumber"], problem.ErrorKeys().Order());

        // No evidence at all, and no body at all.
        problem = await mayor.CompleteAsync("san-juan", "council-resolution", null).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["evidence.resolutionDate", "evidence.resolutionNumber"], problem.ErrorKeys().Order());
        problem = await mayor.PostAsync($"{Api.ProcessUrl("san-juan")}/steps/council-resolution/complete", null).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["evidence.resolutionDate", "evidence.resolutionNumber"], problem.ErrorKeys().Order());

        // A body that is not JSON, or evidence of the wrong shape, is a 400 too, not a server error.
        await mayor.PostAsync($"{Api.ProcessUrl("san-juan")}/steps/council-resolution/complete",
            new StringContent("{ evidence: ", System.Text.Encoding.UTF8, "application/json")).ExpectAsync(HttpStatusCode.BadRequest);
        await mayor.PostAsync($"{Api.ProcessUrl("san-juan")}/steps/council-resolution/complete",
            new StringContent("""{"evidence": {}, "expectedVersion": "seven"}""", System.Text.Encoding.UTF8, "application/json")).ExpectAsync(HttpStatusCode.BadRequest);

        Assert.Equal(before, await host.ProcessVersionAsync("san-juan"));
    }

    [Theory]
    [InlineData("31/12/2025")]
    [InlineData("2025-02-30")]
    [InlineData("yesterday")]
    public async Task A_malformed_date_is_400_naming_the_field(string date)
    {
        var mayor = await host.LoginAsync("mayor.llacanora");
        var problem = await mayor.CompleteAsync("llacanora", "council-resolution", new { resolutionNumber = "RC 1-2026", resolutionDate = date })
            .ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["evidence.resolutionDate"], problem.ErrorKeys());
        Assert.Contains("yyyy-MM-dd", problem.GetProperty("errors").GetProperty("evidence.resolutionDate")[0].GetString());
        Assert.Equal("ready", (await mayor.ProcessAsync("llacanora")).Step("council-resolution").Str("status"));
    }

    [Fact]
    public async Task Wrongly_typed_or_unknown_evidence_fields_are_400_naming_them()
    {
        var mayor = await host.LoginAsync("mayor.miguel-iglesias");
        var problem = await mayor.CompleteAsync("miguel-iglesias", "council-resolution",
            new { resolutionNumber = "RC 1-2026", resolutionDate = "2026-03-01", colour = "green" }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["evidence.colour"], problem.ErrorKeys());

        problem = await mayor.CompleteAsync("miguel-iglesias", "council-resolution", new { resolutionNumber = 12, resolutionDate = "2026-03-01" })
            .ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["evidence.resolutionNumber"], problem.ErrorKeys());

        problem = await mayor.CompleteAsync("miguel-iglesias", "council-resolution", new[] { "RC 1-2026" }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["evidence"], problem.ErrorKeys());

        var coordinator = await host.LoginAsync("coordinator");
        var d = await TestDistrict.CreateAsync(host, TestDistrict.UniqueName("Cortegana"));
        problem = await coordinator.CompleteAsync(d.Slug, "methodology", new { workshopsHeld = -1, workshopDates = new[] { "2026-01-12", "12/01/2026" } })
            .ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["evidence.workshopDates", "evidence.workshopsHeld"], problem.ErrorKeys().Order());
        Assert.Equal(1, (await d.ProcessAsync()).Version());
    }

    [Fact]
    public async Task A_rejection_without_a_reason_is_400()
    {
        var mayor = await host.LoginAsync("mayor.san-juan");
        var before = await host.ProcessVersionAsync("san-juan");
        var problem = await mayor.PostAsJsonAsync($"{Api.ProcessUrl("san-juan")}/steps/council-resolution/reject", new { }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["reason"], problem.ErrorKeys());
        problem = await mayor.PostAsJsonAsync($"{Api.ProcessUrl("san-juan")}/gates/institutional/reject", new { reason = "  " }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["reason"], problem.ErrorKeys());
        Assert.Equal(before, await host.ProcessVersionAsync("san-juan"));
    }

    [Fact]
    public async Task A_bad_district_body_is_400_naming_the_fields()
    {
        var coordinator = await host.LoginAsync("coordinator");
        var problem = await coordinator.PostAsJsonAsync("/api/districts", new { name = "", province = " " }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["name", "province"], problem.ErrorKeys().Order());
        problem = await coordinator.PostAsJsonAsync("/api/districts", new { name = "Bambamarca", province = "Hualgayoc", slug = "Bamba Marca!" })
            .ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["slug"], problem.ErrorKeys());
        problem = await coordinator.PostAsJsonAsync("/api/districts", new { name = "¡¡!!", province = "Hualgayoc" }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["name"], problem.ErrorKeys());

        // Not JSON at all, or JSON of the wrong shape: still a client error, not a server error.
        await coordinator.PostAsync("/api/districts", new StringContent("{ name: ", System.Text.Encoding.UTF8, "application/json"))
            .ExpectAsync(HttpStatusCode.BadRequest);
        await coordinator.PostAsync("/api/districts", new StringContent("""{"name": 5}""", System.Text.Encoding.UTF8, "application/json"))
            .ExpectAsync(HttpStatusCode.BadRequest);
        Assert.DoesNotContain(await host.WithDbAsync(db => Task.FromResult(db.Districts.Select(d => d.Name).ToList())), n => n == "Bambamarca");
    }

    [Fact]
    public async Task A_bad_account_body_is_400_naming_the_fields()
    {
        var coordinator = await host.LoginAsync("coordinator");
        var problem = await coordinator.PostAsJsonAsync("/api/districts/utco/accounts", new { userName = "", role = "coordinator" }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["password", "role", "userName"], problem.ErrorKeys().Order());
        problem = await coordinator.PostAsJsonAsync("/api/districts/utco/accounts", new { userName = "regidor2.utco", role = "alderman", password = "short" })
            .ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["password"], problem.ErrorKeys());
        problem = await coordinator.PostAsJsonAsync("/api/districts/utco/accounts", new { userName = "regidor dos", role = "alderman", password = "Clave-Segura-1" })
            .ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["userName"], problem.ErrorKeys());
        Assert.False(await host.WithDbAsync(db => Task.FromResult(db.Users.Any(u => u.UserName == "regidor2.utco" || u.UserName == "regidor dos"))));
    }

    // ---- 404 ----

    [Fact]
    public async Task Unknown_district_step_or_stage_is_404()
    {
        var coordinator = await host.LoginAsync("coordinator");
        await coordinator.GetAsync("/api/districts/nowhere").ExpectAsync(HttpStatusCode.NotFound);
        await coordinator.GetAsync("/api/districts/Not%20A%20Slug").ExpectAsync(HttpStatusCode.NotFound);
        await coordinator.GetAsync(Api.ProcessUrl("nowhere")).ExpectAsync(HttpStatusCode.NotFound);
        await coordinator.GetAsync($"{Api.ProcessUrl("nowhere")}/history").ExpectAsync(HttpStatusCode.NotFound);
        await coordinator.CompleteAsync("nowhere", "methodology", Plan.EvidenceOf("methodology")).ExpectAsync(HttpStatusCode.NotFound);
        await coordinator.PostAsJsonAsync("/api/districts/nowhere/accounts", new { userName = "alcalde.nowhere", role = "mayor", password = "Clave-Segura-1" })
            .ExpectAsync(HttpStatusCode.NotFound);

        var mayor = await host.LoginAsync("mayor.san-juan");
        var problem = await mayor.CompleteAsync("san-juan", "no-such-step", new { }).ExpectAsync(HttpStatusCode.NotFound);
        Assert.Contains("no-such-step", problem.Str("detail"));
        await mayor.PostAsJsonAsync($"{Api.ProcessUrl("san-juan")}/steps/no-such-step/reject", new { reason = "x" }).ExpectAsync(HttpStatusCode.NotFound);
        problem = await mayor.ApproveGateAsync("san-juan", "no-such-stage").ExpectAsync(HttpStatusCode.NotFound);
        Assert.Contains("no-such-stage", problem.Str("detail"));
        await mayor.PostAsJsonAsync($"{Api.ProcessUrl("san-juan")}/gates/no-such-stage/reject", new { reason = "x" }).ExpectAsync(HttpStatusCode.NotFound);
    }

    // ---- 409 ----

    [Fact]
    public async Task A_gate_with_unfinished_steps_is_409_listing_them()
    {
        var d = await TestDistrict.CreateAsync(host, TestDistrict.UniqueName("Celendin"));
        var problem = await d.Mayor.ApproveGateAsync(d.Slug, "preparatory").ExpectAsync(HttpStatusCode.Conflict);
        Assert.Equal("gate-conditions-unmet", problem.Str("reason"));
        Assert.Equal(Plan.Steps.Where(s => s.Stage == "preparatory").Select(s => $"step:{s.Id}").Order(), problem.UnmetConditionIds().Order());
        Assert.All(problem.GetProperty("unmetConditions").EnumerateArray(), u => Assert.Equal(JsonValueKind.Object, u.GetProperty("message").ValueKind));

        await d.CompleteAsync("methodology", "induction", "mayor-support", "diagnosis");
        problem = await d.Mayor.ApproveGateAsync(d.Slug, "preparatory").ExpectAsync(HttpStatusCode.Conflict);
        Assert.Equal(["step:stakeholder-invitations"], problem.UnmetConditionIds());
        Assert.Equal("active", (await d.ProcessAsync()).Stage("preparatory").Str("status"));
    }

    [Fact]
    public async Task A_step_that_is_not_ready_is_409()
    {
        var d = await TestDistrict.CreateAsync(host, TestDistrict.UniqueName("Jorge Chavez"));

        // Blocked by a dependency: invitations wait for the induction.
        var problem = await d.Alderman.CompleteAsync(d.Slug, "stakeholder-invitations", Plan.EvidenceOf("stakeholder-invitations")).ExpectAsync(HttpStatusCode.Conflict);
        Assert.Equal("not-ready", problem.Str("reason"));
        Assert.Contains("induction", problem.Str("detail"));
        await d.Mayor.CompleteAsync(d.Slug, "mayor-support", Plan.EvidenceOf("mayor-support")).ExpectAsync(HttpStatusCode.Conflict);

        // Its stage has not started.
        problem = await d.Coordinator.CompleteAsync(d.Slug, "planning-workshop-1", Plan.EvidenceOf("planning-workshop-1")).ExpectAsync(HttpStatusCode.Conflict);
        Assert.Equal("not-ready", problem.Str("reason"));
        await d.Mayor.CompleteAsync(d.Slug, "council-resolution", Plan.EvidenceOf("council-resolution")).ExpectAsync(HttpStatusCode.Conflict);
        await d.Mayor.ApproveGateAsync(d.Slug, "design").ExpectAsync(HttpStatusCode.Conflict);

        var process = await d.ProcessAsync();
        Assert.Equal(1, process.Version());
        Assert.Equal("blocked", process.Step("stakeholder-invitations").Str("status"));
        Assert.Equal("pending", process.Stage("design").Str("status"));
    }

    [Fact]
    public async Task A_step_completed_twice_or_a_gate_approved_twice_is_409_and_the_first_outcome_stands()
    {
        var d = await TestDistrict.CreateAsync(host, TestDistrict.UniqueName("La Libertad de Pallan"));
        await d.CompleteAsync("methodology");
        var problem = await d.Coordinator.CompleteAsync(d.Slug, "methodology", new { workshopsHeld = 9, workshopDates = new[] { "2026-09-09" } })
            .ExpectAsync(HttpStatusCode.Conflict);
        Assert.Equal("not-ready", problem.Str("reason"));
        var process = await d.ProcessAsync();
        Assert.Equal(3, process.Step("methodology").GetProperty("evidence").GetProperty("workshopsHeld").GetInt32());

        await d.CompleteAsync("induction", "mayor-support");
        await d.Mayor.PostAsJsonAsync($"{Api.ProcessUrl(d.Slug)}/steps/mayor-support/reject", new { reason = "changed my mind" }).ExpectAsync(HttpStatusCode.Conflict);

        await d.CompleteAsync("diagnosis", "stakeholder-invitations");
        await d.Mayor.ApproveGateAsync(d.Slug, "preparatory").ExpectAsync(HttpStatusCode.OK);
        await d.Mayor.ApproveGateAsync(d.Slug, "preparatory").ExpectAsync(HttpStatusCode.Conflict);
        // A closed stage's steps cannot be reopened or redone either.
        await d.Coordinator.CompleteAsync(d.Slug, "diagnosis", Plan.EvidenceOf("diagnosis")).ExpectAsync(HttpStatusCode.Conflict);
        Assert.Equal(1, (await d.Coordinator.HistoryAsync(d.Slug)).Count(e => e.Str("action") == "gate.approved"));
    }

    [Fact]
    public async Task A_stale_expected_version_is_409_stale_and_changes_nothing()
    {
        var d = await TestDistrict.CreateAsync(host, TestDistrict.UniqueName("Bellavista"));
        var seen = (await d.ProcessAsync()).Version();
        await d.CompleteAsync("methodology"); // someone else moves the process on

        var problem = await d.Coordinator.CompleteAsync(d.Slug, "induction", Plan.EvidenceOf("induction"), seen).ExpectAsync(HttpStatusCode.Conflict);
        Assert.Equal("stale", problem.Str("reason"));
        problem = await d.Coordinator.CompleteAsync(d.Slug, "induction", Plan.EvidenceOf("induction"), seen + 5).ExpectAsync(HttpStatusCode.Conflict);
        Assert.Equal("stale", problem.Str("reason"));
        await d.Mayor.PostAsJsonAsync($"{Api.ProcessUrl(d.Slug)}/gates/preparatory/reject", new { reason = "x", expectedVersion = seen })
            .ExpectAsync(HttpStatusCode.Conflict);

        var process = await d.ProcessAsync();
        Assert.Equal(seen + 1, process.Version());
        Assert.Equal("ready", process.Step("induction").Str("status"));
        Assert.Empty(process.Stage("preparatory").GetProperty("gate").GetProperty("rejections").EnumerateArray());
        // With the current version it goes through.
        await d.Coordinator.CompleteAsync(d.Slug, "induction", Plan.EvidenceOf("induction"), seen + 1).ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_duplicate_district_slug_or_user_name_is_409()
    {
        var coordinator = await host.LoginAsync("coordinator");
        var problem = await coordinator.PostAsJsonAsync("/api/districts", new { name = "Utco", province = "Celendín" }).ExpectAsync(HttpStatusCode.Conflict);
        Assert.Equal("duplicate", problem.Str("reason"));
        await coordinator.PostAsJsonAsync("/api/districts", new { name = "Otro Utco", province = "Celendín", slug = "utco" }).ExpectAsync(HttpStatusCode.Conflict);
        await coordinator.PostAsJsonAsync("/api/districts/lajas/accounts", new { userName = "mayor.utco", role = "mayor", password = "Clave-Segura-1" })
            .ExpectAsync(HttpStatusCode.Conflict);

        var utco = await coordinator.GetAsync("/api/districts/utco").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Utco", utco.Str("name"));
        Assert.Equal("completed", (await coordinator.ProcessAsync("utco")).Str("status"));
    }
}
