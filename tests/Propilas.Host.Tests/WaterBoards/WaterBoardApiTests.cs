namespace Propilas.Host.Tests.WaterBoards;

/// <summary>The water-board routes: what they answer, and how they refuse.</summary>
public sealed class WaterBoardApiTests(BoardHost host) : IClassFixture<BoardHost>
{
    [Fact]
    public async Task The_atm_adds_a_board_lists_it_updates_it_and_records_a_visit_that_everyone_of_the_district_sees()
    {
        var d = await BoardDistrict.CreateAsync(host, "Chugur");
        var today = Board.Today(host);

        var added = await d.Atm.PostAsJsonAsync(d.BoardsUrl, Board.Sound(host, new { name = "Chugur Alto", chlorinates = false }))
            .ExpectAsync(HttpStatusCode.Created);
        var id = BoardDistrict.Id(added);
        var board = added.GetProperty("board");
        Assert.Equal("Chugur Alto", board.Str("name"));
        Assert.Equal(1, board.GetProperty("version").GetInt32());
        Assert.Equal(0, added.GetProperty("visits").GetArrayLength());
        // The answer already carries the alerts the new board raises.
        Assert.Contains("water-board.not-chlorinating", BoardDistrict.RuleIds(added));
        Assert.Contains("water-board.visit-overdue", BoardDistrict.RuleIds(added));

        var updated = await d.UpdateAsync(id, new { chlorinates = true, expectedVersion = 1 });
        Assert.Equal(2, BoardDistrict.Version(updated));
        Assert.True(updated.GetProperty("board").GetProperty("chlorinates").GetBoolean());
        Assert.Equal("Chugur Alto", updated.GetProperty("board").Str("name")); // left out: kept
        Assert.DoesNotContain("water-board.not-chlorinating", BoardDistrict.RuleIds(updated));

        var visited = await d.VisitAsync(id, today.AddDays(-3), observed: new { loanInstallmentsPaid = 25 }, expectedVersion: 2);
        Assert.Equal(3, BoardDistrict.Version(visited));
        var visit = Assert.Single(visited.GetProperty("visits").EnumerateArray());
        Assert.Equal(today.AddDays(-3).ToString("yyyy-MM-dd"), visit.Str("visitedOn"));
        Assert.Equal($"atm.{d.Slug}", visit.Str("recordedBy"));
        Assert.Equal("atm", visit.Str("recordedRole"));
        Assert.Equal(25, visit.GetProperty("factsObserved").GetProperty("loanInstallmentsPaid").GetInt32());
        Assert.Equal(25, visited.GetProperty("board").GetProperty("loanInstallmentsPaid").GetInt32());
        Assert.Equal(3, visited.GetProperty("board").GetProperty("daysSinceLastVisit").GetInt32());
        Assert.Empty(BoardDistrict.RuleIds(visited));

        foreach (var reader in new[] { d.District.Mayor, d.District.Alderman, d.HealthPost, d.District.Coordinator })
        {
            var list = await reader.GetAsync(d.BoardsUrl).ExpectAsync(HttpStatusCode.OK);
            Assert.Equal(1, list.GetProperty("total").GetInt32());
            Assert.Equal(1, list.GetProperty("chlorinating").GetInt32());
            Assert.Equal(id, list.GetProperty("boards")[0].GetProperty("id").GetInt32());
            await reader.GetAsync($"{d.BoardsUrl}/{id}").ExpectAsync(HttpStatusCode.OK);
        }

        var history = await d.District.Coordinator.HistoryAsync(d.Slug);
        Assert.Equal(["water-board.added", "water-board.updated", "water-board.visit-recorded"],
            history.Where(e => e.Str("target") == $"water-board:{id}").Select(e => e.Str("action")));
        var change = history.Single(e => e.Str("action") == "water-board.updated");
        Assert.Equal($"atm.{d.Slug}", change.Str("by"));
        Assert.Equal("atm", change.Str("role"));
        Assert.Equal("""{"chlorinates":false}""", change.Str("before"));
        Assert.Equal("""{"chlorinates":true}""", change.Str("after"));
    }

    [Fact]
    public async Task The_alderman_and_the_coordinator_may_write_too_but_the_mayor_and_the_health_post_only_read()
    {
        var d = await BoardDistrict.CreateAsync(host, "Sucre");
        await d.District.Alderman.PostAsJsonAsync(d.BoardsUrl, Board.Sound(host)).ExpectAsync(HttpStatusCode.Created);
        var board = await d.District.Coordinator.PostAsJsonAsync(d.BoardsUrl, Board.Sound(host)).ExpectAsync(HttpStatusCode.Created);
        var id = BoardDistrict.Id(board);

        foreach (var reader in new[] { d.District.Mayor, d.HealthPost })
        {
            await reader.PostAsJsonAsync(d.BoardsUrl, Board.Sound(host)).ExpectAsync(HttpStatusCode.Forbidden);
            await reader.PatchAsJsonAsync($"{d.BoardsUrl}/{id}", new { chlorinates = false }).ExpectAsync(HttpStatusCode.Forbidden);
            await reader.PostAsJsonAsync($"{d.BoardsUrl}/{id}/visits", new { findings = "x" }).ExpectAsync(HttpStatusCode.Forbidden);
        }
        Assert.Equal(2, (await d.Atm.GetAsync(d.BoardsUrl).ExpectAsync(HttpStatusCode.OK)).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Invalid_facts_answer_400_naming_each_field()
    {
        var d = await BoardDistrict.CreateAsync(host, "Jorge Chávez");
        var today = Board.Today(host);

        var missing = await d.Atm.PostAsJsonAsync(d.BoardsUrl, new { name = "  ", loanInstallmentAmount = -1 }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["loanInstallmentAmount", "locality", "name", "waterSystem"], missing.ErrorKeys().Order());

        var board = await d.AddVisitedBoardAsync(host);
        var id = BoardDistrict.Id(board);
        var wrong = await d.Atm.PatchAsJsonAsync($"{d.BoardsUrl}/{id}", new
        {
            lastTariffReviewOn = today.AddDays(1), lastReplacementDepositMonth = "2026/01", annualOmCost = -5, loanInstallmentsDue = -1,
        }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["annualOmCost", "lastReplacementDepositMonth", "lastTariffReviewOn", "loanInstallmentsDue"], wrong.ErrorKeys().Order());

        var visit = await d.Atm.PostAsJsonAsync($"{d.BoardsUrl}/{id}/visits", new
        {
            visitedOn = today.AddDays(1), findings = "", observed = new { lastReplacementDepositMonth = today.AddMonths(1).ToString("yyyy-MM") },
        }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["findings", "observed.lastReplacementDepositMonth", "visitedOn"], visit.ErrorKeys().Order());

        // Nothing was written by the rejected requests.
        var after = await d.Atm.GetAsync($"{d.BoardsUrl}/{id}").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(BoardDistrict.Version(board), BoardDistrict.Version(after));
        Assert.Single(after.GetProperty("visits").EnumerateArray());
    }

    [Fact]
    public async Task Another_district_is_forbidden_and_unknown_districts_and_boards_are_not_found()
    {
        var mine = await BoardDistrict.CreateAsync(host, "Oxamarca");
        var theirs = await BoardDistrict.CreateAsync(host, "Huasmín");
        var theirBoard = BoardDistrict.Id(await theirs.AddVisitedBoardAsync(host));

        foreach (var client in new[] { mine.Atm, mine.District.Mayor, mine.District.Alderman, mine.HealthPost })
        {
            await client.GetAsync(theirs.BoardsUrl).ExpectAsync(HttpStatusCode.Forbidden);
            await client.GetAsync($"{theirs.BoardsUrl}/{theirBoard}").ExpectAsync(HttpStatusCode.Forbidden);
        }
        await mine.Atm.PostAsJsonAsync(theirs.BoardsUrl, Board.Sound(host)).ExpectAsync(HttpStatusCode.Forbidden);
        await mine.Atm.PatchAsJsonAsync($"{theirs.BoardsUrl}/{theirBoard}", new { chlorinates = false }).ExpectAsync(HttpStatusCode.Forbidden);
        await mine.Atm.PostAsJsonAsync($"{theirs.BoardsUrl}/{theirBoard}/visits", new { findings = "x" }).ExpectAsync(HttpStatusCode.Forbidden);

        await mine.Atm.GetAsync("/api/districts/no-such-district/water-boards").ExpectAsync(HttpStatusCode.NotFound);
        await mine.District.Coordinator.GetAsync("/api/districts/no-such-district/water-boards").ExpectAsync(HttpStatusCode.NotFound);
        await mine.Atm.GetAsync($"{mine.BoardsUrl}/999999").ExpectAsync(HttpStatusCode.NotFound);
        // Their board through my district's address is not mine to find.
        await mine.Atm.GetAsync($"{mine.BoardsUrl}/{theirBoard}").ExpectAsync(HttpStatusCode.NotFound);
        await mine.Atm.PatchAsJsonAsync($"{mine.BoardsUrl}/{theirBoard}", new { chlorinates = false }).ExpectAsync(HttpStatusCode.NotFound);
        await mine.Atm.PostAsJsonAsync($"{mine.BoardsUrl}/{theirBoard}/visits", new { findings = "x" }).ExpectAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_write_from_an_older_version_answers_409_stale_and_overwrites_nothing()
    {
        var d = await BoardDistrict.CreateAsync(host, "Bambamarca");
        var board = await d.Atm.PostAsJsonAsync(d.BoardsUrl, Board.Sound(host)).ExpectAsync(HttpStatusCode.Created);
        var id = BoardDistrict.Id(board);
        await d.UpdateAsync(id, new { annualTariffRevenue = 7000, expectedVersion = 1 });

        var stale = await d.District.Alderman.PatchAsJsonAsync($"{d.BoardsUrl}/{id}", new { annualTariffRevenue = 100, expectedVersion = 1 })
            .ExpectAsync(HttpStatusCode.Conflict);
        Assert.Equal("stale", stale.Str("reason"));
        var staleVisit = await d.Atm.PostAsJsonAsync($"{d.BoardsUrl}/{id}/visits", new { findings = "Todo en orden.", expectedVersion = 1 })
            .ExpectAsync(HttpStatusCode.Conflict);
        Assert.Equal("stale", staleVisit.Str("reason"));

        var now = await d.Atm.GetAsync($"{d.BoardsUrl}/{id}").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(2, BoardDistrict.Version(now));
        Assert.Equal(7000m, now.GetProperty("board").GetProperty("annualTariffRevenue").GetDecimal());
        Assert.Equal(0, now.GetProperty("visits").GetArrayLength());
    }

    [Fact]
    public async Task The_coordinator_creates_atm_and_health_post_accounts_but_no_other_role()
    {
        var d = await TestDistrict.CreateAsync(host, TestDistrict.UniqueName("Encañada"));
        var wrong = await d.Coordinator.PostAsJsonAsync($"/api/districts/{d.Slug}/accounts",
            new { userName = $"x.{d.Slug}", role = "coordinator", password = TestDistrict.AccountPassword }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["role"], wrong.ErrorKeys());

        foreach (var role in new[] { "atm", "health-post" })
        {
            await d.Coordinator.PostAsJsonAsync($"/api/districts/{d.Slug}/accounts",
                new { userName = $"{role}.{d.Slug}", role, password = TestDistrict.AccountPassword }).ExpectAsync(HttpStatusCode.Created);
            var client = await host.LoginAsync($"{role}.{d.Slug}", TestDistrict.AccountPassword);
            var visible = (await client.GetAsync("/api/districts").ExpectAsync(HttpStatusCode.OK)).EnumerateArray().Select(x => x.Str("slug"));
            Assert.Equal([d.Slug], visible);
        }
    }
}
