namespace Propilas.Host.Tests.Participation;

/// <summary>Commitments and the investment budget through the API.</summary>
[Collection(SeededHostCollection.Name)]
public sealed class CommitmentApiTests(SeededHost host)
{
    private static string Url(string slug) => GateFacts.Url(slug, "commitments");

    [Fact]
    public async Task The_alderman_records_a_commitment_and_marks_it_fulfilled_with_evidence()
    {
        var d = await TestDistrict.CreateAsync(host, TestDistrict.UniqueName("Chadin"), recordGateFacts: false);

        var created = await d.Alderman.PostAsJsonAsync(Url(d.Slug), new
        {
            party = "Puesto de Salud Chadín", what = "Vigilar el cloro residual cada mes", dueOn = "2026-12-31",
        }).ExpectAsync(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt32();
        Assert.Equal(("pending", false, 1), (created.Str("status"), created.GetProperty("isMunicipality").GetBoolean(), created.Version()));
        Assert.False(created.TryGetProperty("amount", out _));

        var fulfilled = await d.Alderman.PostAsJsonAsync($"{Url(d.Slug)}/{id}/fulfil",
            new { evidence = "Informe de vigilancia de marzo", fulfilledOn = "2026-03-01", expectedVersion = 1 }).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(("fulfilled", "Informe de vigilancia de marzo", "2026-03-01", 2),
            (fulfilled.Str("status"), fulfilled.Str("evidence"), fulfilled.Str("fulfilledOn"), fulfilled.Version()));

        var listed = Assert.Single((await d.Mayor.GetAsync(Url(d.Slug)).ExpectAsync(HttpStatusCode.OK)).EnumerateArray());
        Assert.Equal("fulfilled", listed.Str("status"));
        var audit = (await d.Coordinator.HistoryAsync(d.Slug)).Where(e => e.Str("action").StartsWith("commitment.")).ToList();
        Assert.Equal(["commitment.recorded", "commitment.fulfilled"], audit.Select(e => e.Str("action")));
        Assert.Equal("Informe de vigilancia de marzo", audit[1].GetProperty("evidence").Str("evidence"));

        // A fulfilled commitment is neither fulfilled again nor cancelled.
        var problem = await d.Alderman.PostAsJsonAsync($"{Url(d.Slug)}/{id}/cancel", new { reason = "error" }).ExpectAsync(HttpStatusCode.Conflict);
        Assert.Equal("not-pending", problem.Str("reason"));
    }

    [Fact]
    public async Task A_cancelled_municipal_commitment_no_longer_counts_towards_the_municipal_share()
    {
        var d = await TestDistrict.CreateAsync(host, TestDistrict.UniqueName("Cochabamba"), recordGateFacts: false);
        var budgetUrl = GateFacts.Url(d.Slug, "investment-budget");
        var empty = await d.Mayor.GetAsync(budgetUrl).ExpectAsync(HttpStatusCode.OK);
        Assert.False(empty.TryGetProperty("budget", out _));
        Assert.Empty(empty.GetProperty("years").EnumerateArray());

        await GateFacts.SetBudgetAsync(d.Alderman, d.Slug, 200_000m);
        var commitment = await GateFacts.AddMunicipalCommitmentAsync(d.Alderman, d.Slug, 20_000m);
        var share = await d.Mayor.GetAsync(budgetUrl).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal([2026, 2027, 2028, 2029, 2030], share.GetProperty("years").EnumerateArray().Select(y => y.GetProperty("year").GetInt32()));
        Assert.All(share.GetProperty("years").EnumerateArray(), y => Assert.Equal(20_000m, y.GetProperty("municipalCommitment").GetDecimal()));
        Assert.Equal((1_000_000m, 100_000m, 0.1m, true),
            (share.GetProperty("planBudget").GetDecimal(), share.GetProperty("municipalCommitment").GetDecimal(), share.GetProperty("share").GetDecimal(),
             share.GetProperty("met").GetBoolean()));

        await d.Alderman.PostAsJsonAsync($"{Url(d.Slug)}/{commitment.GetProperty("id").GetInt32()}/cancel", new { reason = "El concejo redujo el monto." })
            .ExpectAsync(HttpStatusCode.OK);
        share = await d.Mayor.GetAsync(budgetUrl).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal((0m, false), (share.GetProperty("municipalCommitment").GetDecimal(), share.GetProperty("met").GetBoolean()));
    }

    [Fact]
    public async Task A_bad_commitment_or_budget_is_400_naming_the_field()
    {
        var d = await TestDistrict.CreateAsync(host, TestDistrict.UniqueName("Anguia"), recordGateFacts: false);

        var problem = await d.Alderman.PostAsJsonAsync(Url(d.Slug), new { party = "", what = "x", amount = -5m, dueOn = "2026-02-30" })
            .ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["amount", "dueOn", "party"], problem.ErrorKeys().Order());

        // Years belong to the municipality's annual investment commitment, which needs an amount per year.
        problem = await d.Alderman.PostAsJsonAsync(Url(d.Slug), new { party = "JASS", what = "Aporte", firstYear = 2027, lastYear = 2026, dueOn = "2030-12-31" })
            .ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["amount", "isMunicipality", "lastYear"], problem.ErrorKeys().Order());

        var id = (await d.Alderman.PostAsJsonAsync(Url(d.Slug), new { party = "JASS", what = "Faenas", dueOn = "2026-12-31" }).ExpectAsync(HttpStatusCode.Created))
            .GetProperty("id").GetInt32();
        problem = await d.Alderman.PostAsJsonAsync($"{Url(d.Slug)}/{id}/fulfil", new { evidence = "  " }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["evidence"], problem.ErrorKeys());
        problem = await d.Alderman.PostAsJsonAsync($"{Url(d.Slug)}/{id}/cancel", new { }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["reason"], problem.ErrorKeys());

        problem = await d.Alderman.PutAsJsonAsync(GateFacts.Url(d.Slug, "investment-budget"),
            new { baseYear = 2025, totalBudget = 100m, investmentBudget = 500m, population = 0, coveragePct = 120 }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["rehabilitationPopulation"], problem.ErrorKeys());
        problem = await d.Alderman.PutAsJsonAsync(GateFacts.Url(d.Slug, "investment-budget"),
            new { baseYear = 2025, totalBudget = 100m, investmentBudget = 500m, population = 0, coveragePct = 120, rehabilitationPopulation = 0 })
            .ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["coveragePct", "investmentBudget", "population"], problem.ErrorKeys().Order());

        var stored = Assert.Single((await d.Alderman.GetAsync(Url(d.Slug)).ExpectAsync(HttpStatusCode.OK)).EnumerateArray());
        Assert.Equal(("pending", 1), (stored.Str("status"), stored.Version()));
    }

    [Fact]
    public async Task Only_the_districts_alderman_or_the_coordinator_write_and_outsiders_are_403()
    {
        var d = await TestDistrict.CreateAsync(host, TestDistrict.UniqueName("Llama"), recordGateFacts: false);
        var id = (await d.Coordinator.PostAsJsonAsync(Url(d.Slug), new { party = "JASS", what = "Faenas", dueOn = "2026-12-31" }).ExpectAsync(HttpStatusCode.Created))
            .GetProperty("id").GetInt32();
        var valid = new { party = "UGEL", what = "Educación sanitaria", dueOn = "2026-12-31" };

        await d.Mayor.PostAsJsonAsync(Url(d.Slug), valid).ExpectAsync(HttpStatusCode.Forbidden);
        await d.Mayor.PostAsJsonAsync($"{Url(d.Slug)}/{id}/fulfil", new { evidence = "acta" }).ExpectAsync(HttpStatusCode.Forbidden);
        await d.Mayor.PutAsJsonAsync(GateFacts.Url(d.Slug, "investment-budget"), new { }).ExpectAsync(HttpStatusCode.Forbidden);
        foreach (var outsider in new[] { await host.LoginAsync("mayor.lajas"), await host.LoginAsync("alderman.lajas") })
        {
            await outsider.GetAsync(Url(d.Slug)).ExpectAsync(HttpStatusCode.Forbidden);
            await outsider.GetAsync(GateFacts.Url(d.Slug, "investment-budget")).ExpectAsync(HttpStatusCode.Forbidden);
            await outsider.PostAsJsonAsync(Url(d.Slug), valid).ExpectAsync(HttpStatusCode.Forbidden);
            await outsider.PostAsJsonAsync($"{Url(d.Slug)}/{id}/cancel", new { reason = "x" }).ExpectAsync(HttpStatusCode.Forbidden);
        }
        await d.Coordinator.GetAsync(Url("no-such-district")).ExpectAsync(HttpStatusCode.NotFound);
        await d.Alderman.PostAsJsonAsync($"{Url(d.Slug)}/999999/fulfil", new { evidence = "acta" }).ExpectAsync(HttpStatusCode.NotFound);

        var stored = Assert.Single((await d.Alderman.GetAsync(Url(d.Slug)).ExpectAsync(HttpStatusCode.OK)).EnumerateArray());
        Assert.Equal("pending", stored.Str("status"));
    }

    [Fact]
    public async Task A_stale_expected_version_is_409_stale()
    {
        var d = await TestDistrict.CreateAsync(host, TestDistrict.UniqueName("Paccha"), recordGateFacts: false);
        var id = (await d.Alderman.PostAsJsonAsync(Url(d.Slug), new { party = "JASS", what = "Faenas", dueOn = "2026-12-31" }).ExpectAsync(HttpStatusCode.Created))
            .GetProperty("id").GetInt32();

        var problem = await d.Alderman.PostAsJsonAsync($"{Url(d.Slug)}/{id}/fulfil", new { evidence = "acta", expectedVersion = 7 }).ExpectAsync(HttpStatusCode.Conflict);
        Assert.Equal("stale", problem.Str("reason"));
        await GateFacts.SetBudgetAsync(d.Alderman, d.Slug, 100_000m);
        problem = await d.Alderman.PutAsJsonAsync(GateFacts.Url(d.Slug, "investment-budget"), new
        {
            baseYear = 2025, totalBudget = 300_000m, investmentBudget = 150_000m, population = 6000, coveragePct = 60, rehabilitationPopulation = 1500,
            expectedVersion = 0,
        }).ExpectAsync(HttpStatusCode.Conflict);
        Assert.Equal("stale", problem.Str("reason"));

        Assert.Equal("pending", Assert.Single((await d.Alderman.GetAsync(Url(d.Slug)).ExpectAsync(HttpStatusCode.OK)).EnumerateArray()).Str("status"));
        var budget = (await d.Alderman.GetAsync(GateFacts.Url(d.Slug, "investment-budget")).ExpectAsync(HttpStatusCode.OK)).GetProperty("budget");
        Assert.Equal((100_000m, 1), (budget.GetProperty("investmentBudget").GetDecimal(), budget.Version()));
    }
}
