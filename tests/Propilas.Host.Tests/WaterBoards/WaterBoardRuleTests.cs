namespace Propilas.Host.Tests.WaterBoards;

/// <summary>Each follow-up rule raising its alert through the API at its boundary, with the facts recorded as the ATM would.</summary>
public sealed class WaterBoardRuleTests(BoardHost host) : IClassFixture<BoardHost>
{
    [Theory]
    [InlineData(89, false)]
    [InlineData(90, true)]
    [InlineData(91, true)]
    public async Task A_visit_is_overdue_from_90_days_after_the_last_one(int daysAgo, bool raised)
    {
        var d = await BoardDistrict.CreateAsync(host, "Chadín");
        var board = await d.Atm.PostAsJsonAsync(d.BoardsUrl, Board.Sound(host)).ExpectAsync(HttpStatusCode.Created);

        var visited = await d.VisitAsync(BoardDistrict.Id(board), Board.Today(host).AddDays(-daysAgo));

        Assert.Equal(raised, BoardDistrict.RuleIds(visited).Contains("water-board.visit-overdue"));
        var alerts = await d.AlertsOfAsync(BoardDistrict.Id(board));
        Assert.Equal(raised, alerts.ContainsKey("water-board.visit-overdue"));
        if (!raised) return;
        var alert = alerts["water-board.visit-overdue"];
        Assert.Equal("warning", alert.Str("severity"));
        Assert.False(alert.GetProperty("escalated").GetBoolean());
        Assert.Equal(["atm", "coordinator"], alert.GetProperty("notifies").EnumerateArray().Select(r => r.GetString()));
        Assert.Contains($"desde hace {daysAgo} días", alert.GetProperty("message").Str("es"));
    }

    [Theory]
    [InlineData(2, false)]
    [InlineData(3, true)]
    public async Task Loan_arrears_raise_from_three_installments_overdue_with_the_late_penalty(int overdue, bool raised)
    {
        var d = await BoardDistrict.CreateAsync(host, "Cortegana");
        var board = await d.AddVisitedBoardAsync(host);

        var updated = await d.UpdateAsync(BoardDistrict.Id(board), new { loanInstallmentsDue = 30, loanInstallmentsPaid = 30 - overdue });

        var view = updated.GetProperty("board");
        Assert.Equal(overdue, view.GetProperty("installmentsOverdue").GetInt32());
        Assert.Equal(overdue * 120.50m, view.GetProperty("overdueAmount").GetDecimal());
        Assert.Equal(Math.Round(overdue * 120.50m * 0.02m, 2), view.GetProperty("latePenalty").GetDecimal());
        var alerts = await d.AlertsOfAsync(BoardDistrict.Id(board));
        Assert.Equal(raised, alerts.ContainsKey("water-board.loan-arrears"));
        if (raised)
            Assert.Equal("Water board Santa Rosa (Santa Rosa): 3 loan installments overdue (S/ 361.50); the 2% late penalty comes to S/ 7.23.",
                alerts["water-board.loan-arrears"].GetProperty("message").Str("en"));
    }

    [Theory]
    [InlineData(12, false)]
    [InlineData(13, true)]
    public async Task The_tariff_review_is_overdue_after_twelve_months(int monthsAgo, bool raised)
    {
        var d = await BoardDistrict.CreateAsync(host, "Celendín");
        var board = await d.AddVisitedBoardAsync(host);

        var updated = await d.UpdateAsync(BoardDistrict.Id(board), new { lastTariffReviewOn = Board.Today(host).AddMonths(-monthsAgo) });

        Assert.Equal(monthsAgo, updated.GetProperty("board").GetProperty("monthsSinceTariffReview").GetInt32());
        Assert.Equal(raised, BoardDistrict.RuleIds(updated).Contains("water-board.tariff-review-overdue"));
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, true)]
    public async Task The_replacement_fund_alert_raises_when_last_months_deposit_is_missing(int monthsAgo, bool raised)
    {
        var d = await BoardDistrict.CreateAsync(host, "Huabal");
        var board = await d.AddVisitedBoardAsync(host);
        var today = Board.Today(host);

        var updated = await d.UpdateAsync(BoardDistrict.Id(board),
            new { lastReplacementDepositMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-monthsAgo).ToString("yyyy-MM") });

        Assert.Equal(!raised, updated.GetProperty("board").GetProperty("replacementDepositMadeLastMonth").GetBoolean());
        Assert.Equal(raised, BoardDistrict.RuleIds(updated).Contains("water-board.replacement-fund-missed"));

        // A board that keeps no replacement fund is not concerned.
        var noFund = await d.UpdateAsync(BoardDistrict.Id(board), new { hasReplacementFund = false });
        Assert.DoesNotContain("water-board.replacement-fund-missed", BoardDistrict.RuleIds(noFund));
    }

    [Theory]
    [InlineData("4546.00", false)]
    [InlineData("4545.99", true)]
    public async Task Tariff_revenue_below_om_debt_service_and_replacement_raises_below_cost(string revenue, bool raised)
    {
        var d = await BoardDistrict.CreateAsync(host, "Pimpingos");
        var board = await d.AddVisitedBoardAsync(host);

        // Costs to cover: 2 500 O&M + 1 446 debt service + 600 replacement = 4 546.
        var updated = await d.UpdateAsync(BoardDistrict.Id(board), new { annualTariffRevenue = decimal.Parse(revenue, System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal(4546m, updated.GetProperty("board").GetProperty("annualCostToCover").GetDecimal());
        Assert.Equal(raised, BoardDistrict.RuleIds(updated).Contains("water-board.tariff-below-cost"));
    }

    [Fact]
    public async Task A_board_that_does_not_chlorinate_is_shown_to_the_health_post()
    {
        var d = await BoardDistrict.CreateAsync(host, "Chota");
        var board = await d.AddVisitedBoardAsync(host, new { chlorinates = false });
        var id = BoardDistrict.Id(board);

        var mine = await d.HealthPost.GetAsync("/api/alerts?mine=true").ExpectAsync(HttpStatusCode.OK);
        var alert = Assert.Single(mine.EnumerateArray());
        Assert.Equal("water-board.not-chlorinating", alert.Str("ruleId"));
        Assert.Equal($"water-board:{id}", alert.Str("subject"));
        Assert.Equal("critical", alert.Str("severity"));
        Assert.Equal(["atm", "health-post"], alert.GetProperty("notifies").EnumerateArray().Select(r => r.GetString()));

        await d.UpdateAsync(id, new { chlorinates = true });
        Assert.Empty((await d.HealthPost.GetAsync("/api/alerts?mine=true").ExpectAsync(HttpStatusCode.OK)).EnumerateArray());
    }

    [Theory]
    [InlineData("legallyConstituted", "water-board.not-constituted")]
    [InlineData("aomTrained", "water-board.no-aom-training")]
    [InlineData("hasOmPlan", "water-board.no-om-plan")]
    public async Task Organisation_and_AOM_gaps_each_raise_their_alert_until_corrected(string fact, string rule)
    {
        var d = await BoardDistrict.CreateAsync(host, "Querocoto");
        var board = await d.AddVisitedBoardAsync(host);
        var id = BoardDistrict.Id(board);
        Assert.Empty(BoardDistrict.RuleIds(board));

        var missing = await d.UpdateAsync(id, new Dictionary<string, object> { [fact] = false });
        Assert.Equal([rule], BoardDistrict.RuleIds(missing));

        var corrected = await d.UpdateAsync(id, new Dictionary<string, object> { [fact] = true });
        Assert.Empty(BoardDistrict.RuleIds(corrected));
        Assert.True((await d.AlertsOfAsync(id, "resolved")).ContainsKey(rule));
    }

    [Fact]
    public async Task A_board_never_visited_raises_an_escalated_alert_that_resolves_itself_when_a_visit_is_recorded()
    {
        var d = await BoardDistrict.CreateAsync(host, "Tongod");
        var board = await d.Atm.PostAsJsonAsync(d.BoardsUrl, Board.Sound(host)).ExpectAsync(HttpStatusCode.Created);
        var id = BoardDistrict.Id(board);
        var open = (await d.AlertsOfAsync(id))["water-board.visit-overdue"];
        Assert.True(open.GetProperty("escalated").GetBoolean());
        Assert.Contains("mayor", open.GetProperty("notifies").EnumerateArray().Select(r => r.GetString()));

        var visited = await d.VisitAsync(id, Board.Today(host));

        Assert.Empty(BoardDistrict.RuleIds(visited));
        Assert.Empty(await d.AlertsOfAsync(id));
        var resolved = (await d.AlertsOfAsync(id, "resolved"))["water-board.visit-overdue"];
        Assert.Equal(open.GetProperty("id").GetInt64(), resolved.GetProperty("id").GetInt64());
        Assert.NotNull(resolved.OptionalStr("resolvedAt"));
    }

    [Fact]
    public async Task Two_passes_and_repeated_changes_raise_each_alert_once()
    {
        var d = await BoardDistrict.CreateAsync(host, "Llama");
        var board = await d.AddVisitedBoardAsync(host, new { chlorinates = false, aomTrained = false });
        var id = BoardDistrict.Id(board);

        await Board.RunFullPassAsync(host);
        var second = await Board.RunFullPassAsync(host);
        await d.UpdateAsync(id, new { aomTrained = false });
        await d.VisitAsync(id, Board.Today(host));

        Assert.Equal(0, second.Total);
        var all = await d.District.Coordinator.GetAsync($"/api/alerts?district={d.Slug}&rule=water-board.not-chlorinating&status=open")
            .ExpectAsync(HttpStatusCode.OK);
        Assert.Single(all.EnumerateArray());
        Assert.Equal(["water-board.no-aom-training", "water-board.not-chlorinating"], (await d.AlertsOfAsync(id)).Keys.Order());
        // Only the alert of the board's first days (never visited) was resolved, by the visit.
        Assert.Equal(["water-board.visit-overdue"], (await d.AlertsOfAsync(id, "resolved")).Keys);
        var raised = (await d.District.Coordinator.HistoryAsync(d.Slug)).Count(e => e.Str("action") == "alert.raised");
        Assert.Equal(3, raised);
    }
}
