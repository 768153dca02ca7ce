namespace Propilas.Host.Tests.Projects;

/// <summary>
/// The second workflow (workflows/community-water-project.json) end to end through the projects API: every step, and
/// each condition failing then passing at its boundary. Nothing in C# is specific to it.
/// </summary>
[Collection(SeededHostCollection.Name)]
public sealed class CommunityWaterProjectTests(SeededHost host)
{
    private const string Definition = "community-water-project";

    private static object Committee(int votingMembers) => new
    {
        formedOn = "2026-03-20", chairman = "Rosa Chávez", viceChairman = "Juan Quispe", secretary = "Ana Tasilla", treasurer = "Pedro Huamán",
        votingMembers = Enumerable.Range(1, votingMembers).Select(i => $"Vocal {i}").ToArray(),
    };

    private static object Eligibility(decimal contribution, decimal subsidy) => new
    {
        assessedOn = "2026-06-01", communityContribution = contribution, perCapitaSubsidy = subsidy, averagePerCapitaCost = 50, reliableSource = true,
    };

    [Fact]
    public async Task A_community_project_runs_every_step_with_its_conditions_failing_then_passing_at_their_boundaries()
    {
        var d = await TestDistrict.CreateAsync(host, TestDistrict.UniqueName("Chancay Baños"));
        var processVersion = (await d.ProcessAsync()).Version();
        var created = await d.Alderman.PostAsJsonAsync($"/api/districts/{d.Slug}/projects", new { definitionId = Definition, name = "Agua para Chamcas" })
            .ExpectAsync(HttpStatusCode.Created);
        Assert.Equal((1, $"project:{d.Slug}:1", "running", "organisation"),
            (created.GetProperty("id").GetInt32(), created.Str("subject"), created.Str("status"), created.Str("activeStage")));
        var p = new ProjectClient(d, 1);

        var project = await p.ViewAsync();
        Assert.Equal(Definition, project.Str("definitionId"));
        Assert.Equal(["organisation", "study", "eligibility", "contract", "works", "operation"],
            project.GetProperty("stages").EnumerateArray().Select(s => s.Str("id")));

        await p.Complete(d.Alderman, "request", new { requestedOn = "2026-03-02", locality = "Chamcas", population = 420, requestedBy = "Asamblea comunal" });
        // The committee: chairman, vice chairman, secretary, treasurer and 1 to 5 voting members.
        Assert.Equal(["community-project.committee-size"], (await p.Refused(d.Alderman, "committee", Committee(0))).UnmetConditionIds()); // 4 members
        var tooMany = await p.Refused(d.Alderman, "committee", Committee(6)); // 10 members
        Assert.Contains("10 members", tooMany.GetProperty("unmetConditions")[0].GetProperty("message").Str("en"));
        await p.Complete(d.Alderman, "committee", Committee(1)); // 5 members
        await p.Approve(d.Coordinator, "organisation");

        await p.Complete(d.Coordinator, "socioeconomic-survey", new { surveyedOn = "2026-04-06", families = 84, population = 420, averageMonthlyIncome = 650.5, willingToPay = true });
        await p.Complete(d.Coordinator, "engineering-design", new { designReference = "ET-014-2026", waterSource = "Manantial Yanayacu", initialInvestment = 100000, populationServed = 420 });
        await p.Complete(d.Coordinator, "design-review", new { reviewedOn = "2026-05-04", reviewer = "Ing. María Ruiz" });
        await p.Approve(d.Coordinator, "study");

        // Eligibility: the community contributes at least 10 % of the initial investment.
        Assert.Equal(["community-project.contribution-low"], (await p.Refused(d.Coordinator, "eligibility", Eligibility(9999.99m, 40.01m))).UnmetConditionIds());
        await p.Complete(d.Coordinator, "eligibility", Eligibility(10000m, 40.01m));
        // A subsidy above 80 % of the average per-capita cost holds the gate until its justification is recorded.
        var gate = await d.Coordinator.PostAsJsonAsync($"{p.Url}/gates/eligibility/approve", new { }).ExpectAsync(HttpStatusCode.Conflict);
        Assert.Equal("gate-conditions-unmet", gate.Str("reason"));
        Assert.Equal(["community-project.subsidy-unjustified"], gate.UnmetConditionIds());
        Assert.Equal(["community-project.subsidy-unjustified"],
            (await p.ViewAsync()).Stage("eligibility").GetProperty("gate").GetProperty("blockers").EnumerateArray().Select(b => b.Str("conditionId")));
        await p.Complete(d.Coordinator, "subsidy-justification", new { justification = "Caserío disperso: 84 familias en 6 km de red.", lenderReviewedOn = "2026-06-10" });
        await p.Approve(d.Coordinator, "eligibility");

        // The down payment of at least 5 % comes before the works.
        await p.Complete(d.Mayor, "contract", new { signedOn = "2026-07-01", contractReference = "C-031-2026", tariffFormula = "Cuota fija por conexión, revisada cada año", connectionCharge = 120 });
        Assert.Equal(["community-project.down-payment-low"], (await p.Refused(d.Alderman, "down-payment", new { paidOn = "2026-07-15", amount = 4900 })).UnmetConditionIds());
        Assert.Equal(["community-project.down-payment-low"], (await p.Refused(d.Alderman, "down-payment", new { paidOn = "2026-07-15", amount = 4999.99 })).UnmetConditionIds());
        await p.Complete(d.Alderman, "down-payment", new { paidOn = "2026-07-15", amount = 5000, receiptReference = "R-118" });
        await p.Approve(d.Coordinator, "contract");

        await p.Complete(d.Coordinator, "construction", new { startedOn = "2026-08-03", finishedOn = "2026-12-18", houseConnections = 79, publicStandpipes = 2, communityLabourDays = 1260 });
        await p.Complete(d.Mayor, "hand-over", new { handedOverOn = "2027-01-08", actReference = "Acta de entrega 002-2027" });
        await p.Approve(d.Coordinator, "works");

        await p.Complete(d.Alderman, "tariff-review", new { reviewedOn = "2027-12-10", monthlyTariff = 8.5, coversCosts = true });
        project = await p.Approve(d.Coordinator, "operation");

        Assert.Equal("completed", project.Str("status"));
        var listed = (await d.Mayor.GetAsync($"/api/districts/{d.Slug}/projects").ExpectAsync(HttpStatusCode.OK)).EnumerateArray().Single();
        Assert.Equal(("Agua para Chamcas", "completed", d.AldermanName), (listed.Str("name"), listed.Str("status"), listed.Str("createdBy")));

        // Its own audit trail: every transition, in order, and only the accepted ones.
        var history = (await d.Coordinator.GetAsync($"{p.Url}/history").ExpectAsync(HttpStatusCode.OK)).EnumerateArray().ToList();
        Assert.Equal("instance.started", history[0].Str("action"));
        Assert.Equal(12, history.Count(e => e.Str("action") is "step.completed" or "step.approved")); // every step of the definition
        Assert.Equal(6, history.Count(e => e.Str("action") == "gate.approved"));
        Assert.Equal(5000m, history.Single(e => e.Str("target") == "down-payment").GetProperty("evidence").GetProperty("amount").GetDecimal());
        // The district's own process was not touched; its history records that the project started.
        Assert.Equal(processVersion, (await d.ProcessAsync()).Version());
        Assert.Contains(await d.Coordinator.HistoryAsync(d.Slug), e => e.Str("action") == "project.started" && e.Str("target") == $"project:{d.Slug}:1");
    }

    [Fact]
    public async Task Nine_members_and_a_subsidy_of_exactly_eighty_percent_need_nothing_more()
    {
        var d = await TestDistrict.CreateAsync(host, TestDistrict.UniqueName("Namora"));
        await d.Coordinator.PostAsJsonAsync($"/api/districts/{d.Slug}/projects", new { definitionId = Definition, name = "Agua para Tallambo" })
            .ExpectAsync(HttpStatusCode.Created);
        var p = new ProjectClient(d, 1);

        await p.Complete(d.Alderman, "request", new { requestedOn = "2026-03-02", locality = "Tallambo", population = 300, requestedBy = "Teniente gobernador" });
        await p.Complete(d.Alderman, "committee", Committee(5)); // 9 members
        await p.Approve(d.Coordinator, "organisation");
        await p.Complete(d.Coordinator, "socioeconomic-survey", new { surveyedOn = "2026-04-06", families = 60, population = 300, willingToPay = true });
        await p.Complete(d.Coordinator, "engineering-design", new { designReference = "ET-2", waterSource = "Pozo", initialInvestment = 80000, populationServed = 300 });
        await p.Complete(d.Coordinator, "design-review", new { reviewedOn = "2026-05-04", reviewer = "Ing. Ruiz" });
        await p.Approve(d.Coordinator, "study");
        await p.Complete(d.Coordinator, "eligibility", Eligibility(8000m, 40m));

        var project = await p.Approve(d.Coordinator, "eligibility");

        Assert.Equal("approved", project.Stage("eligibility").Str("status"));
        Assert.Equal("ready", project.Step("subsidy-justification").Str("status")); // optional, and not needed
    }

    [Fact]
    public async Task Projects_are_started_only_from_other_definitions_and_seen_only_in_their_district()
    {
        var d = await TestDistrict.CreateAsync(host, TestDistrict.UniqueName("Matara"));
        var url = $"/api/districts/{d.Slug}/projects";

        var problem = await d.Mayor.PostAsJsonAsync(url, new { definitionId = "propilas-strategic-plan", name = "x" }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Contains(Definition, problem.GetProperty("errors").GetProperty("definitionId")[0].GetString());
        problem = await d.Mayor.PostAsJsonAsync(url, new { definitionId = "no-such-flow", name = " " }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["definitionId", "name"], problem.ErrorKeys().Order());

        await d.Mayor.PostAsJsonAsync(url, new { definitionId = Definition, name = "Uno" }).ExpectAsync(HttpStatusCode.Created);
        var second = await d.Mayor.PostAsJsonAsync(url, new { definitionId = Definition, name = "Dos" }).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal(2, second.GetProperty("id").GetInt32());
        Assert.Equal(["Uno", "Dos"], (await d.Alderman.GetAsync(url).ExpectAsync(HttpStatusCode.OK)).EnumerateArray().Select(p => p.Str("name")));

        var other = await host.LoginAsync("mayor.utco");
        await other.GetAsync(url).ExpectAsync(HttpStatusCode.Forbidden);
        await other.GetAsync($"{url}/1").ExpectAsync(HttpStatusCode.Forbidden);
        await other.PostAsJsonAsync($"{url}/1/steps/request/complete", new { evidence = new { } }).ExpectAsync(HttpStatusCode.Forbidden);
        await other.PostAsJsonAsync(url, new { definitionId = Definition, name = "Tres" }).ExpectAsync(HttpStatusCode.Forbidden);
        await d.Mayor.GetAsync($"{url}/3").ExpectAsync(HttpStatusCode.NotFound);
        await d.Mayor.GetAsync($"{url}/uno").ExpectAsync(HttpStatusCode.NotFound);
        // Roles still apply: the request is the alderman's step.
        await d.Mayor.PostAsJsonAsync($"{url}/1/steps/request/complete",
            new { evidence = new { requestedOn = "2026-03-02", locality = "X", population = 1, requestedBy = "Y" } }).ExpectAsync(HttpStatusCode.Forbidden);
    }

    private sealed class ProjectClient(TestDistrict district, int id)
    {
        public string Url { get; } = $"/api/districts/{district.Slug}/projects/{id}";

        public Task<JsonElement> ViewAsync() => district.Coordinator.GetAsync(Url).ExpectAsync(HttpStatusCode.OK);

        public async Task<JsonElement> Complete(HttpClient client, string step, object evidence)
        {
            var view = await client.PostAsJsonAsync($"{Url}/steps/{step}/complete", new { evidence }).ExpectAsync(HttpStatusCode.OK);
            Assert.Contains(view.Step(step).Str("status"), new[] { "done", "approved" });
            return view;
        }

        public async Task<JsonElement> Refused(HttpClient client, string step, object evidence)
        {
            var before = (await ViewAsync()).Version();
            var problem = await client.PostAsJsonAsync($"{Url}/steps/{step}/complete", new { evidence }).ExpectAsync(HttpStatusCode.Conflict);
            Assert.Equal("step-conditions-unmet", problem.Str("reason"));
            Assert.Equal(before, (await ViewAsync()).Version());
            return problem;
        }

        public Task<JsonElement> Approve(HttpClient client, string stage) =>
            client.PostAsJsonAsync($"{Url}/gates/{stage}/approve", new { }).ExpectAsync(HttpStatusCode.OK);
    }
}
