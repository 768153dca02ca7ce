using System.Globalization;
using System.Text.RegularExpressions;
using Propilas.Host.Tests.PlanningPages;

namespace Propilas.Host.Tests.Pages;

/// <summary>
/// Issue 16, points 4 to 7, on the alderman's pages, the water boards and the district registration: a number is stored as
/// the person meant it or refused with both readings; a refused form opens with its error summary and comes back to
/// itself; senseless dates are refused with the reason; cancelling and removing ask first.
/// </summary>
[Collection(SeededHostCollection.Name)]
public sealed partial class FormEntryTests(SeededHost host)
{
    /// <summary>What each of the issue's entries must become: a value, or null for a refusal showing both readings.</summary>
    public static TheoryData<string, double?> Entries => new()
    {
        { "25.000", null },
        { "25,000", 25000 },
        { "25 000", 25000 },
        { "25000,50", 25000.5 },
        { "S/ 25,000.50", 25000.5 },
        { "1.234.567", 1234567 },
    };

    private async Task<(TestDistrict District, PageSession Alderman, string Url, string Html)> AldermanOpensAsync(string name, string page, string culture = "es")
    {
        var d = await TestDistrict.CreateAsync(host, TestDistrict.UniqueName(name), recordGateFacts: false);
        var alderman = await PageSession.SignInAsync(host, d.AldermanName, TestDistrict.AccountPassword, culture);
        var url = $"/districts/{d.Slug}/{page}";
        return (d, alderman, url, await alderman.GetAsync(url));
    }

    private static async Task<(HttpStatusCode Status, string Html, string? Location)> SendAsync(Task<HttpResponseMessage> posting)
    {
        using var response = await posting;
        return (response.StatusCode, await PageSession.TextAsync(response), response.Headers.Location?.OriginalString);
    }

    private static async Task<JsonElement[]> ListAsync(HttpClient api, string slug, string what) =>
        (await api.GetAsync(GateFacts.Url(slug, what)).ExpectAsync(HttpStatusCode.OK)).EnumerateArray().ToArray();

    /// <summary>The refusal of "25.000" with both readings, in Spanish, next to the field and in the summary linking to it.</summary>
    private static void AssertRefusedWithBothReadings(string html, string fieldId, string typed = "25.000", string thousands = "25 000", string asDecimal = "25")
    {
        var message = $"«{typed}» puede leerse como {thousands} o como {asDecimal}";
        Assert.Contains($"<div class=\"field-error\" role=\"alert\">{message}", html);
        Assert.Matches(new Regex($"class=\"error-summary\"[\\s\\S]*?<a href=\"#{Regex.Escape(fieldId)}\">{Regex.Escape(message)}"), html);
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public async Task A_commitments_amount_is_stored_as_meant_or_refused_with_both_readings(string typed, double? expected)
    {
        var (d, alderman, url, page) = await AldermanOpensAsync("Cortegana", "commitments");

        var (status, html, location) = await SendAsync(alderman.PostFormAsync($"{url}?handler=Add", page, new()
        {
            ["Party"] = "Comunidad de Chalán", ["IsMunicipality"] = "false", ["What"] = "Mano de obra no calificada", ["Amount"] = typed,
            ["DueOn"] = "2026-12-31",
        }));

        var stored = await ListAsync(d.Mayor, d.Slug, "commitments");
        if (expected is { } value)
        {
            Assert.Equal(HttpStatusCode.Redirect, status);
            Assert.Equal((decimal)value, Assert.Single(stored).GetProperty("amount").GetDecimal());
            return;
        }
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Null(location);
        Assert.Empty(stored);
        AssertRefusedWithBothReadings(html, "amount");
        Assert.Contains("escriba 25000 o 25,000 si quiso decir 25 000, o 25 si quiso decir 25", html);
        Assert.Contains($"value=\"{typed}\"", html); // kept as typed
        Assert.Matches(new Regex("<form [^>]*id=\"add-form\"[^>]*action=\"[^\"]*handler=Add#add-form\""), html);
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public async Task The_investment_budget_is_stored_as_meant_or_refused_with_both_readings(string typed, double? expected)
    {
        var (d, alderman, url, page) = await AldermanOpensAsync("Huasmín", "commitments");

        var (status, html, _) = await SendAsync(alderman.PostFormAsync($"{url}?handler=Budget", page, new()
        {
            ["BaseYear"] = "2025", ["FirstPlanYear"] = "2026", ["TotalBudget"] = "S/ 3,000,000", ["InvestmentBudget"] = typed,
            ["Population"] = "9 500", ["CoveragePct"] = "62,5", ["RehabilitationPopulation"] = "1,200", ["version"] = "0",
        }));

        var budget = (await d.Mayor.GetAsync(GateFacts.Url(d.Slug, "investment-budget")).ExpectAsync(HttpStatusCode.OK));
        if (expected is { } value)
        {
            Assert.Equal(HttpStatusCode.Redirect, status);
            var stored = budget.GetProperty("budget");
            Assert.Equal((decimal)value, stored.GetProperty("investmentBudget").GetDecimal());
            Assert.Equal(3_000_000m, stored.GetProperty("totalBudget").GetDecimal());
            Assert.Equal(9500, stored.GetProperty("population").GetInt32());
            Assert.Equal(62.5m, stored.GetProperty("coveragePct").GetDecimal());
            Assert.Equal(1200, stored.GetProperty("rehabilitationPopulation").GetInt32());
            return;
        }
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.False(budget.TryGetProperty("budget", out var none) && none.ValueKind != JsonValueKind.Null);
        AssertRefusedWithBothReadings(html, "budget-investmentBudget");
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public async Task A_goals_target_is_stored_as_meant_or_refused_with_both_readings(string typed, double? expected)
    {
        var (d, alderman, url, page) = await AldermanOpensAsync("Chumuch", "plan");

        var (status, html, _) = await SendAsync(alderman.PostFormAsync($"{url}?handler=AddGoal", page, new()
        {
            ["KeyIssue"] = "infrastructure", ["GoalText"] = "Familias con agua segura", ["TargetValue"] = typed, ["TargetUnit"] = "familias",
            ["TargetYear"] = "2030",
        }));

        var goals = await ListAsync(d.Mayor, d.Slug, "plan/goals");
        if (expected is { } value)
        {
            Assert.Equal(HttpStatusCode.Redirect, status);
            Assert.Equal((decimal)value, Assert.Single(goals).GetProperty("targetValue").GetDecimal());
            return;
        }
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Empty(goals);
        AssertRefusedWithBothReadings(html, "target-value");
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public async Task A_water_boards_yearly_income_is_stored_as_meant_or_refused_with_both_readings(string typed, double? expected)
    {
        var d = await TestDistrict.CreateAsync(host, TestDistrict.UniqueName("Sucre"), recordGateFacts: false);
        var alderman = await PageSession.SignInAsync(host, d.AldermanName, TestDistrict.AccountPassword);
        var url = $"/districts/{d.Slug}/water-boards";
        var page = await alderman.GetAsync(url);

        var (status, html, location) = await SendAsync(alderman.PostFormAsync($"{url}?handler=Add", page, new()
        {
            ["f.name"] = "La Quinua", ["f.locality"] = "La Quinua", ["f.waterSystem"] = "SAP La Quinua", ["f.annualTariffRevenue"] = typed,
        }));

        var boards = (await d.Mayor.GetAsync(GateFacts.Url(d.Slug, "water-boards")).ExpectAsync(HttpStatusCode.OK));
        var listed = boards.GetProperty("boards").EnumerateArray().ToArray();
        if (expected is { } value)
        {
            Assert.Equal(HttpStatusCode.Redirect, status);
            var id = int.Parse(location!.Split('/').Last(), CultureInfo.InvariantCulture);
            var board = await d.Mayor.GetAsync($"{GateFacts.Url(d.Slug, "water-boards")}/{id}").ExpectAsync(HttpStatusCode.OK);
            Assert.Equal((decimal)value, board.GetProperty("board").GetProperty("annualTariffRevenue").GetDecimal());
            return;
        }
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Empty(listed);
        AssertRefusedWithBothReadings(html, "f-annualTariffRevenue");
        Assert.Matches(new Regex("<form [^>]*id=\"add-form\"[^>]*action=\"[^\"]*handler=Add#add-form\""), html);
    }

    [Fact]
    public async Task A_yearly_income_of_3_500_is_refused_in_English_with_both_readings_too()
    {
        var (d, alderman, url, page) = await AldermanOpensAsync("Jorge Chávez", "commitments", culture: "en");

        var (status, html, _) = await SendAsync(alderman.PostFormAsync($"{url}?handler=Add", page, new()
        {
            ["Party"] = "JASS", ["IsMunicipality"] = "false", ["What"] = "Cuota familiar", ["Amount"] = "3.500", ["DueOn"] = "2026-12-31",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("“3.500” can be read as 3,500 or as 3.5; type 3500 or 3,500 if you meant 3,500, or 3.5 if you meant 3.5.", html);
        Assert.Contains("There is a problem", html);
        Assert.DoesNotContain("puede leerse", html);
    }

    [Theory]
    [InlineData("1999-07-18")]
    [InlineData("9999-12-31")]
    public async Task A_commitment_due_in_a_year_that_makes_no_sense_is_refused_with_the_window(string dueOn)
    {
        var (d, alderman, url, page) = await AldermanOpensAsync("Utco Bajo", "commitments");

        var (status, html, _) = await SendAsync(alderman.PostFormAsync($"{url}?handler=Add", page, new()
        {
            ["Party"] = "Municipalidad", ["IsMunicipality"] = "true", ["What"] = "Operador de la ATM", ["DueOn"] = dueOn,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var today = host.Today();
        var window = $"La fecha debe estar entre el 01/01/{today.Year - 5} y el 31/12/{today.Year + 20}.";
        Assert.Contains($"<div class=\"field-error\" role=\"alert\">{window}</div>", html);
        Assert.Contains($"<a href=\"#due-on\">{window}</a>", html);
        Assert.Empty(await ListAsync(d.Mayor, d.Slug, "commitments"));
        // The API refuses it alike.
        await d.Alderman.PostAsJsonAsync(GateFacts.Url(d.Slug, "commitments"), new { party = "Municipalidad", what = "Operador", dueOn })
            .ExpectAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Cancelling_a_commitment_asks_first_and_only_the_yes_cancels()
    {
        var (d, alderman, url, _) = await AldermanOpensAsync("Sorochuco Alto", "commitments");
        var id = (await d.Alderman.PostAsJsonAsync(GateFacts.Url(d.Slug, "commitments"),
            new { party = "ONG Agua Viva", what = "Capacitación de la JASS", dueOn = "2026-10-01" }).ExpectAsync(HttpStatusCode.Created)).GetProperty("id").GetInt32();
        var page = await alderman.GetAsync(url);

        var (status, html, _) = await SendAsync(alderman.PostFormAsync($"{url}?handler=Cancel&id={id}", page, new() { ["reason"] = "La ONG se retiró", ["version"] = "1" }));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("¿Anular este compromiso?", html);
        Assert.Contains("name=\"confirm\" value=\"1\"", html);
        Assert.Contains($"id=\"cancel-{id}-form\"", html);
        Assert.Matches(new Regex($"action=\"{Regex.Escape(url)}\\?[^\"]*handler=Cancel[^\"]*#cancel-{id}-form\""), html); // an asked form comes back to itself
        Assert.Equal("pending", Assert.Single(await ListAsync(d.Mayor, d.Slug, "commitments")).Str("status"));

        (status, _, _) = await SendAsync(alderman.PostFormAsync($"{url}?handler=Cancel&id={id}", html,
            new() { ["reason"] = "La ONG se retiró", ["version"] = "1", ["confirm"] = "1" }));
        Assert.Equal(HttpStatusCode.Redirect, status);
        var cancelled = Assert.Single(await ListAsync(d.Mayor, d.Slug, "commitments"));
        Assert.Equal(("cancelled", "La ONG se retiró"), (cancelled.Str("status"), cancelled.Str("cancelReason")));
    }

    [Fact]
    public async Task Removing_a_committee_member_asks_first_and_only_the_yes_removes()
    {
        var (d, alderman, url, _) = await AldermanOpensAsync("Llanguat", "committee");
        var id = (await GateFacts.AddMemberAsync(d.Alderman, d.Slug, "Rosa Chávez", "health")).GetProperty("id").GetInt32();
        var page = await alderman.GetAsync(url);

        var (status, html, _) = await SendAsync(alderman.PostFormAsync($"{url}?handler=Remove&id={id}", page, new() { ["version"] = "1" }));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("¿Retirar a este miembro del comité?", html);
        Assert.Single(await ListAsync(d.Mayor, d.Slug, "committee"));

        (status, _, _) = await SendAsync(alderman.PostFormAsync($"{url}?handler=Remove&id={id}", html, new() { ["version"] = "1", ["confirm"] = "1" }));
        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Empty(await ListAsync(d.Mayor, d.Slug, "committee"));
    }

    [Fact]
    public async Task One_row_of_the_invitations_table_records_its_answer_and_attendance()
    {
        var (d, alderman, url, _) = await AldermanOpensAsync("Namora Alta", "invitations");
        var id = (await GateFacts.InviteAsync(d.Alderman, d.Slug, "UGEL Cajamarca", "education", invitedOn: "2026-02-27")).GetProperty("id").GetInt32();
        var page = await alderman.GetAsync(url);

        var (status, _, location) = await SendAsync(alderman.PostFormAsync($"{url}?handler=Record", page, new()
        {
            ["id"] = id.ToString(CultureInfo.InvariantCulture), [$"answer-{id}"] = "accepted", [$"answeredOn-{id}"] = "2026-03-01",
            [$"attended-{id}"] = "true", [$"version-{id}"] = "1",
        }));

        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.EndsWith($"#invitation-{id}", location);
        var stored = Assert.Single(await ListAsync(d.Mayor, d.Slug, "invitations"));
        Assert.Equal(("accepted", "2026-03-01", true), (stored.Str("answer"), stored.Str("answeredOn"), stored.GetProperty("attended").GetBoolean()));
        Assert.Contains("01/03/2026", await alderman.GetAsync(url)); // the answer's date as Spanish pages write dates
    }

    [Fact]
    public async Task Registering_a_district_answers_in_Spanish_with_the_error_summary()
    {
        var coordinator = await PageSession.SignInAsync(host, "coordinator");
        var page = await coordinator.GetAsync("/portfolio/new");
        Assert.Contains("id=\"new-district-form\"", page);
        Assert.Contains("action=\"/portfolio/new#new-district-form\"", page);

        var (status, html, _) = await SendAsync(coordinator.PostFormAsync("/portfolio/new", page, new() { ["Name"] = "", ["Province"] = "", ["Department"] = "Cajamarca" }));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("<a href=\"#name\">Este dato es obligatorio.</a>", html);
        Assert.Contains("<a href=\"#province\">Este dato es obligatorio.</a>", html);
        Assert.DoesNotContain("is required", html);

        (status, html, _) = await SendAsync(coordinator.PostFormAsync("/portfolio/new", page, new() { ["Name"] = "San Juan", ["Province"] = "Cajamarca" }));
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("Ya existe un distrito «san-juan».", html);
        Assert.DoesNotContain("already exists", html);
    }
}

/// <summary>Issue 16, point 10: the invitations page of the largest pilot was 127 KB because each row repeated two full forms.</summary>
[Collection(SeededHostCollection.Name)]
public sealed class InvitationsWeightTests(SeededHost host)
{
    [Fact]
    public async Task Every_pilots_invitations_page_for_its_alderman_stays_well_under_the_page_budget()
    {
        foreach (var slug in new[] { "san-juan", "llacanora", "miguel-iglesias", "utco", "lajas", "tacabamba" })
        {
            var alderman = await PageSession.SignInAsync(host, $"alderman.{slug}");
            var html = await alderman.GetAsync($"/districts/{slug}/invitations");
            var bytes = System.Text.Encoding.UTF8.GetByteCount(html);
            Assert.True(bytes < 100 * 1024, $"{slug}: the invitations page is {bytes:N0} bytes");
            // One form for the table, whatever its rows: the header's, the table's and the new invitation's.
            Assert.True(Regex.Count(html, "name=\"__RequestVerificationToken\"") <= 5, $"{slug}: a form per row again?");
        }
    }
}
