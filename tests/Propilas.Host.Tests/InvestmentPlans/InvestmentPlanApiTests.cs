namespace Propilas.Host.Tests.InvestmentPlans;

/// <summary>A district's investment plan through the API: computed from its stored inputs, edited, and kept with the step.</summary>
[Collection(SeededHostCollection.Name)]
public sealed class InvestmentPlanApiTests(SeededHost host)
{
    [Fact]
    public async Task San_Juans_plan_equals_the_worked_example_to_the_sol()
    {
        var mayor = await host.LoginAsync("mayor.san-juan");

        var view = await mayor.GetAsync("/api/districts/san-juan/investment-plan").ExpectAsync(HttpStatusCode.OK);

        var plan = view.GetProperty("plan");
        var expected = new Dictionary<string, decimal>
        {
            ["totalBudget"] = 3618342, ["investmentBudget"] = 3245144, ["investmentSharePct"] = 89.7m, ["population"] = 6886,
            ["coveragePct"] = 68, ["coverageGoalPct"] = 76.0m, ["coverageGapPct"] = 8.0m, ["newSystemsPopulation"] = 551,
            ["newSystemsInvestment"] = 327815, ["rehabilitationPopulation"] = 2822, ["rehabilitationPct"] = 41.0m,
            ["rehabilitationInvestment"] = 642280, ["totalInvestment"] = 970095, ["municipalCommitment"] = 1622572,
            ["communityCofinancing"] = 194019, ["balance"] = 846496,
        };
        Assert.Equal(expected, expected.Keys.ToDictionary(k => k, k => plan.GetProperty(k).GetDecimal()));
        Assert.Equal("San Juan", plan.Str("district"));
        Assert.Equal(0.25m, view.GetProperty("parameters").GetProperty("coverageDeficitReduction").GetDecimal());
        Assert.Equal(1, view.GetProperty("inputs").GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Changing_a_parameter_moves_the_plan()
    {
        var coordinator = await host.LoginAsync("coordinator");
        const string url = "/api/districts/san-juan/investment-plan";

        var half = (await coordinator.GetAsync($"{url}?coverageDeficitReduction=0.5").ExpectAsync(HttpStatusCode.OK)).GetProperty("plan");
        Assert.Equal((84.0m, 16.0m, 1102, 655630m), (half.GetProperty("coverageGoalPct").GetDecimal(), half.GetProperty("coverageGapPct").GetDecimal(),
            half.GetProperty("newSystemsPopulation").GetInt32(), half.GetProperty("newSystemsInvestment").GetDecimal()));
        Assert.Equal(642280m, half.GetProperty("rehabilitationInvestment").GetDecimal());

        var share = (await coordinator.GetAsync($"{url}?municipalShare=0.2&years=4").ExpectAsync(HttpStatusCode.OK)).GetProperty("plan");
        Assert.Equal(2596115m, share.GetProperty("municipalCommitment").GetDecimal()); // 3,245,144 x 20 % x 4
        Assert.Equal(2596115m + 194019m - 970095m, share.GetProperty("balance").GetDecimal());

        var dollar = (await coordinator.GetAsync($"{url}?exchangeRateSolesPerUsd=3.5&communityShare=0").ExpectAsync(HttpStatusCode.OK)).GetProperty("plan");
        Assert.Equal(1044718m, dollar.GetProperty("totalInvestment").GetDecimal()); // 970,095 x 3.5 / 3.25
        Assert.Equal(0m, dollar.GetProperty("communityCofinancing").GetDecimal());

        var problem = await coordinator.GetAsync($"{url}?municipalShare=1.5&years=0").ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["municipalShare", "years"], problem.ErrorKeys().Order());
        // The stored plan is not changed by a what-if.
        var stored = (await coordinator.GetAsync(url).ExpectAsync(HttpStatusCode.OK)).GetProperty("plan");
        Assert.Equal(970095m, stored.GetProperty("totalInvestment").GetDecimal());
    }

    [Fact]
    public async Task The_coordinator_sees_a_row_per_district_and_others_do_not()
    {
        var coordinator = await host.LoginAsync("coordinator");
        var rows = (await coordinator.GetAsync("/api/investment-plans").ExpectAsync(HttpStatusCode.OK)).EnumerateArray()
            .ToDictionary(r => r.Str("slug"), r => r.GetProperty("plan").GetProperty("totalInvestment").GetDecimal());

        Assert.Equal(970095m, rows["san-juan"]);
        Assert.Equal(1815666m, rows["llacanora"]);
        Assert.Equal(1219176m, rows["miguel-iglesias"]);
        Assert.Equal(298437m, rows["utco"]);
        Assert.Equal(7084139m, rows["tacabamba"]);
        Assert.Equal(4619877m, rows["lajas"]);
        await (await host.LoginAsync("mayor.utco")).GetAsync("/api/investment-plans").ExpectAsync(HttpStatusCode.Forbidden);
        await (await host.LoginAsync("mayor.utco")).GetAsync("/api/districts/san-juan/investment-plan").ExpectAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_seeded_pilots_keep_the_plan_their_step_was_completed_with()
    {
        var coordinator = await host.LoginAsync("coordinator");

        var recorded = await coordinator.GetAsync("/api/districts/utco/investment-plan/recorded").ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(298437m, recorded.GetProperty("plan").GetProperty("totalInvestment").GetDecimal());
        Assert.Equal(2591, recorded.GetProperty("inputs").GetProperty("population").GetInt32());
        Assert.Equal(0.10m, recorded.GetProperty("parameters").GetProperty("municipalShare").GetDecimal());
        var step = (await coordinator.HistoryAsync("utco")).Single(e => e.Str("action") == "step.completed" && e.Str("target") == "investment-plan");
        Assert.Equal(step.GetProperty("id").GetInt64(), recorded.GetProperty("auditEventId").GetInt64());
        Assert.Equal(step.GetProperty("at").GetDateTimeOffset(), recorded.GetProperty("recordedAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Inputs_are_edited_by_the_coordinator_or_the_mayor_with_validation_audit_and_stale_detection()
    {
        var d = await TestDistrict.CreateAsync(host, TestDistrict.UniqueName("Celendin"));
        var url = $"/api/districts/{d.Slug}/investment-plan";
        await d.Mayor.GetAsync(url).ExpectAsync(HttpStatusCode.NotFound);

        var created = await d.Mayor.PutAsJsonAsync($"{url}/inputs", Plan.InvestmentInputs).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(1, created.GetProperty("inputs").GetProperty("version").GetInt32());
        Assert.Equal(970095m, created.GetProperty("plan").GetProperty("totalInvestment").GetDecimal());

        // A chosen parameter is stored with the inputs and applies until changed.
        var edited = await d.Coordinator.PutAsJsonAsync($"{url}/inputs", new
        {
            totalBudget = 3618342, investmentBudget = 3245144, population = 6886, coveragePct = 68, rehabilitationPopulation = 2822,
            parameters = new { municipalShare = 0.15 }, expectedVersion = 1,
        }).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(2, edited.GetProperty("inputs").GetProperty("version").GetInt32());
        Assert.Equal(2433858m, edited.GetProperty("plan").GetProperty("municipalCommitment").GetDecimal()); // 3,245,144 x 15 % x 5
        Assert.Equal(0.15m, (await d.Alderman.GetAsync(url).ExpectAsync(HttpStatusCode.OK)).GetProperty("chosenParameters").GetProperty("municipalShare").GetDecimal());

        var stale = await d.Mayor.PutAsJsonAsync($"{url}/inputs", new
        {
            totalBudget = 1, investmentBudget = 1, population = 1, coveragePct = 1, rehabilitationPopulation = 0, expectedVersion = 1,
        }).ExpectAsync(HttpStatusCode.Conflict);
        Assert.Equal("stale", stale.Str("reason"));

        var invalid = await d.Mayor.PutAsJsonAsync($"{url}/inputs", new
        {
            totalBudget = 1000, investmentBudget = 2000, coveragePct = 120, rehabilitationPopulation = 5, parameters = new { communityShare = 2 },
        }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["coveragePct", "investmentBudget", "parameters.communityShare", "population"], invalid.ErrorKeys().Order());
        await d.Alderman.PutAsJsonAsync($"{url}/inputs", Plan.InvestmentInputs).ExpectAsync(HttpStatusCode.Forbidden);
        var other = await host.LoginAsync("mayor.utco");
        await other.PutAsJsonAsync($"{url}/inputs", Plan.InvestmentInputs).ExpectAsync(HttpStatusCode.Forbidden);

        var saves = (await d.Coordinator.HistoryAsync(d.Slug)).Where(e => e.Str("action") == "investment-inputs.saved").ToList();
        Assert.Equal([(d.MayorName, "mayor"), ("coordinator", "coordinator")], saves.Select(e => (e.Str("by"), e.Str("role"))));
        Assert.Equal(saves[0].Str("after"), saves[1].Str("before"));
        Assert.Equal(2, (await d.Coordinator.GetAsync(url).ExpectAsync(HttpStatusCode.OK)).GetProperty("inputs").GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task The_investment_plan_step_needs_inputs_records_the_computed_figures_and_keeps_that_plan()
    {
        var d = await TestDistrict.CreateAsync(host, TestDistrict.UniqueName("Chugur"));
        await d.CompleteStageAsync("preparatory");
        await d.Mayor.ApproveGateAsync(d.Slug, "preparatory").ExpectAsync(HttpStatusCode.OK);
        await d.CompleteAsync("planning-workshop-1", "planning-workshop-2");

        var problem = await d.Coordinator.CompleteAsync(d.Slug, "investment-plan", Plan.EvidenceOf("investment-plan")).ExpectAsync(HttpStatusCode.Conflict);
        Assert.Equal(["investment-plan.inputs-missing"], problem.UnmetConditionIds());

        await d.Mayor.PutAsJsonAsync($"/api/districts/{d.Slug}/investment-plan/inputs", Plan.InvestmentInputs).ExpectAsync(HttpStatusCode.OK);
        problem = await d.Coordinator.CompleteAsync(d.Slug, "investment-plan", new { totalInvestment = 970096 }).ExpectAsync(HttpStatusCode.Conflict);
        Assert.Equal(["investment-plan.figures-differ"], problem.UnmetConditionIds());
        Assert.Contains("970", problem.GetProperty("unmetConditions")[0].GetProperty("message").Str("en"));
        problem = await d.Coordinator.CompleteAsync(d.Slug, "investment-plan", new { totalInvestment = 970095, balance = 1 }).ExpectAsync(HttpStatusCode.Conflict);
        Assert.Equal(["investment-plan.figures-differ"], problem.UnmetConditionIds());
        await d.Coordinator.GetAsync($"/api/districts/{d.Slug}/investment-plan/recorded").ExpectAsync(HttpStatusCode.NotFound);

        var process = await d.Coordinator.CompleteAsync(d.Slug, "investment-plan", new { totalInvestment = 970095, municipalCommitment = 1622572, balance = 846496 })
            .ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("done", process.Step("investment-plan").Str("status"));

        var recorded = await d.Mayor.GetAsync($"/api/districts/{d.Slug}/investment-plan/recorded").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(970095m, recorded.GetProperty("plan").GetProperty("totalInvestment").GetDecimal());
        Assert.Equal(2822, recorded.GetProperty("inputs").GetProperty("rehabilitationPopulation").GetInt32());
        Assert.Equal("coordinator", recorded.Str("recordedBy"));
        var step = (await d.Coordinator.HistoryAsync(d.Slug)).Single(e => e.Str("action") == "step.completed" && e.Str("target") == "investment-plan");
        Assert.Equal(step.GetProperty("id").GetInt64(), recorded.GetProperty("auditEventId").GetInt64());

        // Later edits move the live plan, not the one the step was completed with.
        await d.Mayor.PutAsJsonAsync($"/api/districts/{d.Slug}/investment-plan/inputs", new
        {
            totalBudget = 3618342, investmentBudget = 3245144, population = 7000, coveragePct = 68, rehabilitationPopulation = 2822,
        }).ExpectAsync(HttpStatusCode.OK);
        var live = await d.Mayor.GetAsync($"/api/districts/{d.Slug}/investment-plan").ExpectAsync(HttpStatusCode.OK);
        Assert.NotEqual(970095m, live.GetProperty("plan").GetProperty("totalInvestment").GetDecimal());
        Assert.Equal(970095m, live.GetProperty("recorded").GetProperty("plan").GetProperty("totalInvestment").GetDecimal());
    }

    [Fact]
    public async Task The_calculator_names_each_districts_missing_and_wrong_fields_in_English()
    {
        var mayor = await host.LoginAsync("mayor.san-juan");

        var problem = await mayor.PostAsJsonAsync("/api/calculations/investment-plan", new
        {
            districts = new object[]
            {
                new { district = "A", investmentBudget = 1m, population = 100, coveragePct = 50m, rehabilitationPopulation = 0 },
                new { district = "B", totalBudget = 100m, investmentBudget = 150m, population = 100, coveragePct = 50m, rehabilitationPopulation = 0 },
            },
        }).ExpectAsync(HttpStatusCode.BadRequest);

        var errors = problem.GetProperty("errors");
        Assert.Equal(["is required"], errors.GetProperty("districts[0].totalBudget").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["must not exceed totalBudget (150 > 100)"], errors.GetProperty("districts[1].investmentBudget").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(2, errors.EnumerateObject().Count());
    }
}
