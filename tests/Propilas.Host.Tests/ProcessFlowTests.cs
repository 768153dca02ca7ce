namespace Propilas.Host.Tests;

/// <summary>The whole PROPILAS process on a new district, through the API, each role acting on its own steps.</summary>
[Collection(SeededHostCollection.Name)]
public sealed class ProcessFlowTests(SeededHost host)
{
    [Fact]
    public async Task A_new_district_goes_from_registration_through_three_gates_to_follow_up()
    {
        var now = host.Time!.GetUtcNow();
        var coordinator = await host.LoginAsync("coordinator");

        // The coordinator registers the district: 201, and its process starts at the preparatory stage.
        var name = TestDistrict.UniqueName("Sorochuco");
        using var created = await coordinator.PostAsJsonAsync("/api/districts", new { name, province = "Celendín" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var district = await created.ReadJsonAsync();
        var slug = district.Str("slug");
        Assert.Equal($"/api/districts/{slug}", created.Headers.Location?.OriginalString);
        Assert.Equal("Cajamarca", district.Str("department"));

        var process = await coordinator.ProcessAsync(slug);
        Assert.Equal(1, process.Version());
        Assert.Equal(2, process.GetProperty("definitionVersion").GetInt32());
        Assert.Equal("propilas-strategic-plan", process.Str("definitionId"));
        Assert.Equal("running", process.Str("status"));
        Assert.Equal(Plan.Stages, process.GetProperty("stages").EnumerateArray().Select(s => s.Str("id")));
        Assert.Equal(["active", "pending", "pending"], process.GetProperty("stages").EnumerateArray().Select(s => s.Str("status")));
        Assert.Equal(now, process.Stage("preparatory").GetProperty("startedAt").GetDateTimeOffset());
        Assert.Equal("ready", process.Step("methodology").Str("status"));
        Assert.Equal(now.AddDays(30), process.Step("methodology").GetProperty("dueAt").GetDateTimeOffset());
        Assert.Equal("blocked", process.Step("mayor-support").Str("status"));
        Assert.Equal(["induction"], process.Step("mayor-support").GetProperty("waitingFor").EnumerateArray().Select(w => w.GetString()));
        // The plan below covers every step of the definition, no more, no fewer.
        Assert.Equal(Plan.Steps.Select(s => s.Id).Order(),
            process.GetProperty("stages").EnumerateArray().SelectMany(s => s.GetProperty("steps").EnumerateArray()).Select(s => s.Str("id")).Order());

        var summary = (await coordinator.GetAsync("/api/districts").ExpectAsync(HttpStatusCode.OK)).EnumerateArray().Single(d => d.Str("slug") == slug);
        Assert.Equal("planning", summary.Str("processStatus"));
        Assert.Equal("preparatory", summary.Str("activeStage"));

        // The coordinator creates the district's mayor and alderman.
        var mayorName = $"alcalde.{slug}";
        var aldermanName = $"regidor.{slug}";
        var account = await coordinator.PostAsJsonAsync($"/api/districts/{slug}/accounts",
            new { userName = mayorName, role = "mayor", password = TestDistrict.AccountPassword }).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal(slug, account.Str("district"));
        await coordinator.PostAsJsonAsync($"/api/districts/{slug}/accounts",
            new { userName = aldermanName, role = "alderman", password = TestDistrict.AccountPassword }).ExpectAsync(HttpStatusCode.Created);
        var clients = new Dictionary<string, HttpClient>
        {
            ["coordinator"] = coordinator,
            ["mayor"] = await host.LoginAsync(mayorName, TestDistrict.AccountPassword),
            ["alderman"] = await host.LoginAsync(aldermanName, TestDistrict.AccountPassword),
        };
        var users = new Dictionary<string, string> { ["coordinator"] = "coordinator", ["mayor"] = mayorName, ["alderman"] = aldermanName };

        // The diagnosis and investment-plan steps need the district's survey and investment inputs (not process transitions).
        await coordinator.ImportDiagnosisAsync(slug, Plan.SampleSurvey).ExpectAsync(HttpStatusCode.OK);
        await coordinator.PutAsJsonAsync($"/api/districts/{slug}/investment-plan/inputs", Plan.InvestmentInputs).ExpectAsync(HttpStatusCode.OK);

        // Each role completes its steps in order, passing the version it saw; the alderman records what the gate's rules need;
        // the mayor approves each gate.
        var version = process.Version();
        var recorded = new Dictionary<string, IReadOnlyList<(string Action, string Target)>>();
        var sent = new Dictionary<string, System.Text.Json.Nodes.JsonObject>();
        foreach (var stage in Plan.Stages)
        {
            recorded[stage] = await GateFacts.RecordAsync(clients["alderman"], slug, stage);
            foreach (var step in Plan.Steps.Where(s => s.Stage == stage))
            {
                var evidence = step.Id == "council-resolution" ? TestDistrict.ResolutionOfThePresentationDay(step.Evidence, process) : step.Evidence;
                sent[step.Id] = evidence;
                process = await clients[step.Role].CompleteAsync(slug, step.Id, evidence, version).ExpectAsync(HttpStatusCode.OK);
                Assert.Equal(++version, process.Version());
                var state = process.Step(step.Id);
                Assert.Equal(step.Kind == "approval" ? "approved" : "done", state.Str("status"));
                Assert.Equal(users[step.Role], state.GetProperty("outcome").Str("by"));
                Assert.True(JsonNode.DeepEquals(evidence, JsonNode.Parse(state.GetProperty("evidence").GetRawText())),
                    $"{step.Id}: sent {evidence.ToJsonString()}, stored {state.GetProperty("evidence").GetRawText()}");
            }
            Assert.True(process.Stage(stage).GetProperty("gate").GetProperty("canApprove").GetBoolean());
            process = await clients["mayor"].ApproveGateAsync(slug, stage, version).ExpectAsync(HttpStatusCode.OK);
            Assert.Equal(++version, process.Version());
            Assert.Equal("approved", process.Stage(stage).Str("status"));
            Assert.Equal(mayorName, process.Stage(stage).GetProperty("gate").GetProperty("approved").Str("by"));
            var next = Array.IndexOf(Plan.Stages, stage) + 1;
            if (next < Plan.Stages.Length) Assert.Equal("active", process.Stage(Plan.Stages[next]).Str("status"));
        }

        Assert.Equal("completed", process.Str("status"));
        Assert.Equal(now, process.GetProperty("completedAt").GetDateTimeOffset());
        summary = (await clients["mayor"].GetAsync("/api/districts").ExpectAsync(HttpStatusCode.OK)).EnumerateArray().Single();
        Assert.Equal(slug, summary.Str("slug"));
        Assert.Equal("follow-up", summary.Str("processStatus"));
        Assert.Null(summary.OptionalStr("activeStage"));

        // The history lists every transition in order: who, in which role, what, with which evidence. (What the system derives
        // from them, such as the obligations each phase brings, is audited too, by "system".)
        var history = (await clients["alderman"].HistoryAsync(slug)).Where(e => e.Str("by") != "system").ToList();
        var expected = new List<(string Action, string Target, string By, string Role)> { ("district.registered", slug, "coordinator", "coordinator") };
        expected.Add(("instance.started", "propilas-strategic-plan@2", "coordinator", "coordinator"));
        expected.Add(("account.created", mayorName, "coordinator", "coordinator"));
        expected.Add(("account.created", aldermanName, "coordinator", "coordinator"));
        expected.Add(("diagnosis.imported", "district-diagnosis", "coordinator", "coordinator"));
        expected.Add(("investment-inputs.saved", "investment-inputs", "coordinator", "coordinator"));
        foreach (var stage in Plan.Stages)
        {
            expected.AddRange(recorded[stage].Select(r => (r.Action, r.Target, aldermanName, "alderman")));
            expected.AddRange(Plan.Steps.Where(s => s.Stage == stage)
                .Select(s => (s.Kind == "approval" ? "step.approved" : "step.completed", s.Id, users[s.Role], s.Role)));
            expected.Add(("gate.approved", stage, mayorName, "mayor"));
        }
        Assert.Equal(expected, history.Select(e => (e.Str("action"), e.Str("target"), e.Str("by"), e.Str("role"))));
        foreach (var step in Plan.Steps)
        {
            var entry = history.Single(e => e.Str("target") == step.Id);
            Assert.Equal("ready", entry.Str("before"));
            Assert.True(JsonNode.DeepEquals(sent[step.Id], JsonNode.Parse(entry.GetProperty("evidence").GetRawText())), $"history evidence of {step.Id}");
            Assert.Equal(now, entry.GetProperty("at").GetDateTimeOffset());
        }
        Assert.Equal("approved; process completed", history.Last().Str("after"));
    }

    [Fact]
    public async Task A_rejected_gate_keeps_the_stage_open_with_the_reason_and_can_be_approved_later()
    {
        var d = await TestDistrict.CreateAsync(host, TestDistrict.UniqueName("Jose Galvez"));
        await d.CompleteStageAsync("preparatory");

        var process = await d.Mayor.PostAsJsonAsync($"{Api.ProcessUrl(d.Slug)}/gates/preparatory/reject",
            new { reason = "  Faltan las invitaciones a las rondas campesinas.  " }).ExpectAsync(HttpStatusCode.OK);
        var stage = process.Stage("preparatory");
        Assert.Equal("active", stage.Str("status"));
        Assert.Equal("pending", process.Stage("design").Str("status"));
        var rejection = Assert.Single(stage.GetProperty("gate").GetProperty("rejections").EnumerateArray());
        Assert.Equal("Faltan las invitaciones a las rondas campesinas.", rejection.Str("reason"));
        Assert.Equal(d.MayorName, rejection.Str("by"));
        var entry = (await d.Coordinator.HistoryAsync(d.Slug)).Last();
        Assert.Equal(("gate.rejected", "preparatory", "Faltan las invitaciones a las rondas campesinas."), (entry.Str("action"), entry.Str("target"), entry.Str("reason")));

        process = await d.Mayor.ApproveGateAsync(d.Slug, "preparatory").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("approved", process.Stage("preparatory").Str("status"));
        Assert.Equal("active", process.Stage("design").Str("status"));
    }

    [Fact]
    public async Task A_rejected_approval_step_records_the_reason_and_can_still_be_approved()
    {
        var d = await TestDistrict.CreateAsync(host, TestDistrict.UniqueName("Huasmin"));
        await d.CompleteAsync("induction");

        var process = await d.Mayor.PostAsJsonAsync($"{Api.ProcessUrl(d.Slug)}/steps/mayor-support/reject",
            new { reason = "Primero hay que aprobar el presupuesto." }).ExpectAsync(HttpStatusCode.OK);
        var step = process.Step("mayor-support");
        Assert.Equal("rejected", step.Str("status"));
        Assert.Equal("Primero hay que aprobar el presupuesto.", step.GetProperty("outcome").Str("reason"));
        Assert.Contains("step:mayor-support", process.Stage("preparatory").GetProperty("gate").GetProperty("blockers").EnumerateArray().Select(b => b.Str("conditionId")));

        process = await d.Mayor.CompleteAsync(d.Slug, "mayor-support", Plan.EvidenceOf("mayor-support")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("approved", process.Step("mayor-support").Str("status"));
        var history = await d.Coordinator.HistoryAsync(d.Slug);
        Assert.Equal(["step.rejected", "step.approved"], history.Where(e => e.Str("target") == "mayor-support").Select(e => e.Str("action")));
    }
}
