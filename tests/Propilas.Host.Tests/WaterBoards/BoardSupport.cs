using Microsoft.Extensions.DependencyInjection;
using Propilas.Host.Alerts;

namespace Propilas.Host.Tests.WaterBoards;

/// <summary>A host on a fake clock without the pilots: each test registers its own district, so alerts do not mix.</summary>
public sealed class BoardHost() : PropilasFactory(new HostSettings { FakeNow = DefaultNow, SeedPilots = false });

/// <summary>A test district with, beside its mayor and alderman, its technical area (ATM) and health post signed in.</summary>
public sealed record BoardDistrict(TestDistrict District, HttpClient Atm, HttpClient HealthPost)
{
    public string Slug => District.Slug;
    public string BoardsUrl => $"/api/districts/{Slug}/water-boards";

    public static async Task<BoardDistrict> CreateAsync(PropilasFactory host, string name)
    {
        var d = await TestDistrict.CreateAsync(host, TestDistrict.UniqueName(name));
        var clients = new List<HttpClient>();
        foreach (var role in new[] { "atm", "health-post" })
        {
            var user = $"{role}.{d.Slug}";
            await d.Coordinator.PostAsJsonAsync($"/api/districts/{d.Slug}/accounts", new { userName = user, role, password = TestDistrict.AccountPassword })
                .ExpectAsync(HttpStatusCode.Created);
            clients.Add(await host.LoginAsync(user, TestDistrict.AccountPassword));
        }
        return new BoardDistrict(d, clients[0], clients[1]);
    }

    /// <summary>Adds a board (by the ATM) with <see cref="Board.Sound"/> facts overridden by <paramref name="facts"/>, visited today.</summary>
    public async Task<JsonElement> AddVisitedBoardAsync(PropilasFactory host, object? facts = null)
    {
        var board = await Atm.PostAsJsonAsync(BoardsUrl, Board.Sound(host, facts)).ExpectAsync(HttpStatusCode.Created);
        return await VisitAsync(Id(board), Board.Today(host));
    }

    public Task<JsonElement> VisitAsync(int boardId, DateOnly on, object? observed = null, int? expectedVersion = null) =>
        Atm.PostAsJsonAsync($"{BoardsUrl}/{boardId}/visits", new { visitedOn = on, findings = "Reservorio limpio; libro de caja al día.", observed, expectedVersion })
            .ExpectAsync(HttpStatusCode.Created);

    public Task<JsonElement> UpdateAsync(int boardId, object changes) =>
        Atm.PatchAsJsonAsync($"{BoardsUrl}/{boardId}", changes).ExpectAsync(HttpStatusCode.OK);

    /// <summary>The open alerts of one board, by rule id.</summary>
    public async Task<Dictionary<string, JsonElement>> AlertsOfAsync(int boardId, string status = "open")
    {
        var alerts = await District.Coordinator.GetAsync($"/api/alerts?district={Slug}&status={status}").ExpectAsync(HttpStatusCode.OK);
        return alerts.EnumerateArray().Where(a => a.Str("subject") == $"water-board:{boardId}").ToDictionary(a => a.Str("ruleId"));
    }

    /// <summary>A board's alerts as its GET answer lists them (the view, not the alert API).</summary>
    public static IReadOnlyList<string> RuleIds(JsonElement boardDetail) =>
        boardDetail.GetProperty("board").GetProperty("alerts").EnumerateArray().Select(a => a.Str("ruleId")).ToList();

    public static int Id(JsonElement boardDetail) => boardDetail.GetProperty("board").GetProperty("id").GetInt32();

    public static int Version(JsonElement boardDetail) => boardDetail.GetProperty("board").GetProperty("version").GetInt32();
}

public static class Board
{
    public static DateOnly Today(PropilasFactory host) => DateOnly.FromDateTime(host.Time!.GetUtcNow().UtcDateTime);

    /// <summary>
    /// A board in good standing: constituted, trained, with an O&amp;M plan, chlorinating, tariff reviewed a month ago,
    /// a loan paid up, last month's fund deposit made, and revenue above its costs. Only a missing visit is left to raise.
    /// </summary>
    public static JsonObject Sound(PropilasFactory host, object? overrides = null)
    {
        var today = Today(host);
        var previousMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        var board = Plan.Obj(new
        {
            name = "Santa Rosa", locality = "Santa Rosa", waterSystem = "SAP Santa Rosa",
            legallyConstituted = true, aomTrained = true, hasOmPlan = true, chlorinates = true,
            lastTariffReviewOn = today.AddMonths(-1),
            loanInstallmentAmount = 120.50m, loanInstallmentsDue = 24, loanInstallmentsPaid = 24,
            hasReplacementFund = true, lastReplacementDepositMonth = previousMonth.ToString("yyyy-MM"),
            annualTariffRevenue = 6000m, annualOmCost = 2500m, annualDebtService = 1446m, annualReplacementProvision = 600m,
        });
        if (overrides is not null)
            foreach (var (key, value) in Plan.Obj(overrides)) board[key] = value?.DeepClone();
        return board;
    }

    /// <summary>Runs the scheduled pass (every district against the host's clock), as Hangfire's job would.</summary>
    public static async Task<AlertChanges> RunFullPassAsync(PropilasFactory host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AlertReconciler>().RunAllAsync(CancellationToken.None);
    }
}
