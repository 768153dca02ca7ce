using Propilas.Host.Tests.PlanningPages;

namespace Propilas.Host.Tests.Security;

/// <summary>
/// Issue 18, point 3: every text, list and number a request carries has a limit that fits its field; beyond it, or with
/// control characters in a name or text, the answer is 400 naming the field and nothing is stored.
/// </summary>
[Collection(SeededHostCollection.Name)]
public sealed class InputBoundsTests(SeededHost host)
{
    private const string RightToLeftOverride = "\u202E";

    private static async Task<JsonElement> RefusedAsync(Task<HttpResponseMessage> call, string field)
    {
        var problem = await call.ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Contains(field, problem.ErrorKeys());
        return problem;
    }

    private async Task<string[]> DistrictNamesAsync(HttpClient coordinator) =>
        (await coordinator.GetAsync("/api/districts").ExpectAsync(HttpStatusCode.OK)).EnumerateArray().Select(d => d.Str("name")).ToArray();

    [Fact]
    public async Task A_district_name_province_or_department_too_long_or_with_control_characters_is_refused_and_not_stored()
    {
        var coordinator = await host.LoginAsync("coordinator");
        var name = TestDistrict.UniqueName("Límite");

        var problem = await RefusedAsync(coordinator.PostAsJsonAsync("/api/districts", new { name = new string('a', 121), province = "Celendín" }), "name");
        Assert.Contains("must be at most 120 characters", problem.GetProperty("errors").GetProperty("name")[0].GetString());
        await RefusedAsync(coordinator.PostAsJsonAsync("/api/districts", new { name, province = "Celen\0dín" }), "province");
        await RefusedAsync(coordinator.PostAsJsonAsync("/api/districts", new { name = name + "\u0007", province = "Celendín" }), "name");
        problem = await RefusedAsync(coordinator.PostAsJsonAsync("/api/districts", new { name, province = "Celendín", department = $"{RightToLeftOverride}acramajaC" }),
            "department");
        Assert.Equal("must not contain control characters", problem.GetProperty("errors").GetProperty("department")[0].GetString());

        Assert.DoesNotContain(await DistrictNamesAsync(coordinator), n => n.StartsWith("Límite", StringComparison.Ordinal) || n.StartsWith('a'));
    }

    [Fact]
    public async Task The_registration_page_shows_the_refusal_beside_the_field_and_stores_nothing()
    {
        var coordinator = await PageSession.SignInAsync(host, "coordinator");
        var page = await coordinator.GetAsync("/portfolio/new");
        var name = TestDistrict.UniqueName("Invisible") + RightToLeftOverride;

        using var response = await coordinator.PostFormAsync("/portfolio/new", page, new() { ["Name"] = name, ["Province"] = new string('p', 130) });
        var html = await PageSession.TextAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<a href=\"#name\">No puede contener caracteres de control", html);
        Assert.Contains("<a href=\"#province\">Como máximo 120 caracteres.</a>", html);
        Assert.DoesNotContain("must ", html);
        Assert.DoesNotContain(await DistrictNamesAsync(await host.LoginAsync("coordinator")), n => n.StartsWith("Invisible", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Evidence_texts_and_date_lists_are_bounded_while_ordinary_line_breaks_pass()
    {
        var d = await TestDistrict.CreateAsync(host, TestDistrict.UniqueName("Evidencia"), recordGateFacts: false);
        var before = await host.ProcessVersionAsync(d.Slug);
        var induction = Plan.Steps.Single(s => s.Id == "induction").Evidence;

        var tooLong = induction.DeepClone().AsObject();
        tooLong["agreedTimeframe"] = new string('x', 5000);
        await RefusedAsync(d.Coordinator.CompleteAsync(d.Slug, "induction", tooLong), "evidence.agreedTimeframe");

        var tooMany = induction.DeepClone().AsObject();
        tooMany["meetingDates"] = new JsonArray(Enumerable.Range(0, 401).Select(i => (JsonNode)JsonValue.Create(new DateOnly(2025, 1, 1).AddDays(i).ToString("yyyy-MM-dd"))!).ToArray());
        var problem = await RefusedAsync(d.Coordinator.CompleteAsync(d.Slug, "induction", tooMany), "evidence.meetingDates");
        Assert.Equal("must have at most 400 items", problem.GetProperty("errors").GetProperty("evidence.meetingDates")[0].GetString());

        var bell = induction.DeepClone().AsObject();
        bell["agreedTimeframe"] = "Seis meses\u0007";
        await RefusedAsync(d.Coordinator.CompleteAsync(d.Slug, "induction", bell), "evidence.agreedTimeframe");
        Assert.Equal(before, await host.ProcessVersionAsync(d.Slug));

        var lines = induction.DeepClone().AsObject();
        lines["agreedTimeframe"] = "Seis meses:\r\nde marzo a agosto.";
        await d.Coordinator.CompleteAsync(d.Slug, "induction", lines).ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_rejection_reason_is_bounded()
    {
        var d = await TestDistrict.CreateAsync(host, TestDistrict.UniqueName("Motivo"), recordGateFacts: false);
        var before = await host.ProcessVersionAsync(d.Slug);
        await RefusedAsync(d.Mayor.PostAsJsonAsync($"{Api.ProcessUrl(d.Slug)}/gates/preparatory/reject", new { reason = new string('r', 4001) }), "reason");
        await RefusedAsync(d.Mayor.PostAsJsonAsync($"{Api.ProcessUrl(d.Slug)}/gates/preparatory/reject", new { reason = $"no{RightToLeftOverride}" }), "reason");
        Assert.Equal(before, await host.ProcessVersionAsync(d.Slug));
    }

    [Fact]
    public async Task The_years_of_a_plan_are_one_to_fifty_stored_asked_or_calculated()
    {
        var d = await TestDistrict.CreateAsync(host, TestDistrict.UniqueName("Años"), recordGateFacts: false);
        var inputs = Plan.Obj(Plan.InvestmentInputs);
        inputs["parameters"] = new JsonObject { ["years"] = 100000 };
        await RefusedAsync(d.Coordinator.PutAsJsonAsync($"/api/districts/{d.Slug}/investment-plan/inputs", inputs), "parameters.years");
        await d.Coordinator.GetAsync($"/api/districts/{d.Slug}/investment-plan").ExpectAsync(HttpStatusCode.NotFound); // nothing stored

        await d.Coordinator.EnsureInvestmentInputsAsync(d.Slug);
        await RefusedAsync(d.Coordinator.GetAsync($"/api/districts/{d.Slug}/investment-plan?years=2147483647"), "years");
        await d.Coordinator.GetAsync($"/api/districts/{d.Slug}/investment-plan?years=50").ExpectAsync(HttpStatusCode.OK);

        var district = new { district = "San Juan", totalBudget = 3618342, investmentBudget = 3245144, population = 6886, coveragePct = 68, rehabilitationPopulation = 2822 };
        await RefusedAsync(d.Mayor.PostAsJsonAsync("/api/calculations/investment-plan", new { parameters = new { years = 51 }, districts = new[] { district } }),
            "parameters.years");
        await RefusedAsync(d.Mayor.PostAsJsonAsync("/api/calculations/investment-plan", new { districts = new[] { district with { population = 2_000_000_000 } } }),
            "districts[0].population");
    }

    [Fact]
    public async Task A_calculation_takes_the_national_programme_and_no_more()
    {
        var mayor = await host.LoginAsync("mayor.utco");
        var one = new { district = "Utco", totalBudget = 1_000_000, investmentBudget = 400_000, population = 1200, coveragePct = 70, rehabilitationPopulation = 100 };

        var problem = await RefusedAsync(mayor.PostAsJsonAsync("/api/calculations/investment-plan", new { districts = Enumerable.Repeat(one, 2001) }), "districts");
        Assert.Equal("must have at most 2000 items", problem.GetProperty("errors").GetProperty("districts")[0].GetString());
        await RefusedAsync(mayor.PostAsJsonAsync("/api/calculations/investment-plan", new { districts = new[] { one with { district = "Ut\0co" } } }),
            "districts[0].district");
        await mayor.PostAsJsonAsync("/api/calculations/investment-plan", new { districts = Enumerable.Repeat(one, 1891) }).ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Water_board_names_and_numbers_are_bounded_and_a_visits_findings_keep_their_lines()
    {
        var d = await TestDistrict.CreateAsync(host, TestDistrict.UniqueName("Junta"), recordGateFacts: false);
        var url = $"/api/districts/{d.Slug}/water-boards";
        await RefusedAsync(d.Alderman.PostAsJsonAsync(url, new { name = "JASS\0", locality = "Chalán", waterSystem = "Gravedad" }), "name");
        await RefusedAsync(d.Alderman.PostAsJsonAsync(url, new { name = "JASS Chalán", locality = "Chalán", waterSystem = "Gravedad", loanInstallmentsDue = int.MaxValue }),
            "loanInstallmentsDue");
        await RefusedAsync(d.Alderman.PostAsJsonAsync(url, new { name = "JASS Chalán", locality = "Chalán", waterSystem = "Gravedad", annualOmCost = 1e15m }),
            "annualOmCost");
        var boards = await d.Alderman.GetAsync(url).ExpectAsync(HttpStatusCode.OK);
        Assert.Empty(boards.GetProperty("boards").EnumerateArray());

        var board = await d.Alderman.PostAsJsonAsync(url, new { name = "JASS Chalán", locality = "Chalán", waterSystem = "Gravedad" }).ExpectAsync(HttpStatusCode.Created);
        var id = board.GetProperty("board").GetProperty("id").GetInt32();
        await RefusedAsync(d.Alderman.PostAsJsonAsync($"{url}/{id}/visits", new { findings = "Todo bien\u0000" }), "findings");
        await d.Alderman.PostAsJsonAsync($"{url}/{id}/visits", new { findings = "Reservorio limpio.\nLibro de caja al día." }).ExpectAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Participation_records_refuse_control_characters_and_numbers_beyond_reason()
    {
        var d = await TestDistrict.CreateAsync(host, TestDistrict.UniqueName("Comité"), recordGateFacts: false);
        await RefusedAsync(d.Alderman.PostAsJsonAsync(GateFacts.Url(d.Slug, "committee"),
            new { name = $"Ana{RightToLeftOverride}", organisation = "Puesto de salud", sector = "health", role = "Vocal" }), "name");
        await RefusedAsync(d.Alderman.PostAsJsonAsync(GateFacts.Url(d.Slug, "commitments"),
            new { party = "Comunidad", what = "Mano de obra", amount = 1e15m, dueOn = "2026-12-31" }), "amount");
        Assert.Empty((await d.Alderman.GetAsync(GateFacts.Url(d.Slug, "committee")).ExpectAsync(HttpStatusCode.OK)).EnumerateArray());
        Assert.Empty((await d.Alderman.GetAsync(GateFacts.Url(d.Slug, "commitments")).ExpectAsync(HttpStatusCode.OK)).EnumerateArray());
    }

    [Fact]
    public async Task A_malformed_or_wrongly_typed_body_names_the_path_and_the_expected_type()
    {
        var mayor = await host.LoginAsync("mayor.utco");

        var problem = await RefusedAsync(mayor.PostAsync("/api/calculations/investment-plan",
            new StringContent("""{"parameters": {"years": "ten"}, "districts": []}""", System.Text.Encoding.UTF8, "application/json")), "parameters.years");
        Assert.Equal("must be a whole number", problem.GetProperty("errors").GetProperty("parameters.years")[0].GetString());
        Assert.Equal(400, problem.GetProperty("status").GetInt32());

        problem = await RefusedAsync(mayor.PostAsync("/api/calculations/investment-plan",
            new StringContent("""{"districts": [{"population": true}]}""", System.Text.Encoding.UTF8, "application/json")), "districts[0].population");
        Assert.Equal("must be a whole number", problem.GetProperty("errors").GetProperty("districts[0].population")[0].GetString());

        problem = await RefusedAsync(mayor.PostAsync("/api/calculations/loan",
            new StringContent("""{"systemCost": 1000, "years": 5""", System.Text.Encoding.UTF8, "application/json")), "body");
        Assert.StartsWith("is not valid JSON", problem.GetProperty("errors").GetProperty("body")[0].GetString());
    }

    [Fact]
    public async Task A_body_larger_than_any_request_needs_is_refused_before_it_is_read()
    {
        var mayor = await host.LoginAsync("mayor.utco");
        var huge = $$"""{"systemCost": 1000, "downPayment": 200, "years": 5, "note": "{{new string('x', 2 * 1024 * 1024)}}"}""";
        var problem = await mayor.PostAsync("/api/calculations/loan", new StringContent(huge, System.Text.Encoding.UTF8, "application/json"))
            .ExpectAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(413, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task The_step_form_shows_each_refusal_beside_its_field_in_spanish_and_stores_nothing()
    {
        var d = await TestDistrict.CreateAsync(host, TestDistrict.UniqueName("Fechas"));
        await d.Coordinator.EnsureDiagnosisAsync(d.Slug);
        var coordinator = await PageSession.SignInAsync(host, "coordinator");
        var url = $"/districts/{d.Slug}";
        var page = await coordinator.GetAsync(url);
        var dates = string.Join("\n", Enumerable.Range(0, 401).Select(i => new DateOnly(2025, 1, 1).AddDays(i).ToString("yyyy-MM-dd")));

        using var posted = await coordinator.PostFormAsync($"{url}?handler=Complete&stepId=diagnosis", page, new()
        {
            ["version"] = (await d.ProcessAsync()).Version().ToString(),
            ["ev.localitiesSurveyed"] = "12", ["ev.familiesSurveyed"] = "20000000", ["ev.surveyDates"] = dates,
        });

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        var html = await PageSession.TextAsync(posted);
        Assert.Contains("<div class=\"field-error\" role=\"alert\">Como máximo 400 líneas.</div>", html);
        Assert.Contains("<div class=\"field-error\" role=\"alert\">No puede superar 10 000 000.</div>", html);
        Assert.DoesNotContain("must ", html);
        Assert.Equal("ready", (await d.ProcessAsync()).Step("diagnosis").Str("status"));
    }

    [Fact]
    public async Task An_account_name_or_password_beyond_reason_is_refused()
    {
        var coordinator = await host.LoginAsync("coordinator");
        var url = "/api/districts/utco/accounts";
        await RefusedAsync(coordinator.PostAsJsonAsync(url, new { userName = new string('u', 121), role = "alderman", password = "Clave-Segura-2026" }), "userName");
        await RefusedAsync(coordinator.PostAsJsonAsync(url, new { userName = "regidor.largo.utco", role = "alderman", password = "Clave-" + new string('x', 200) }), "password");
        using var signIn = host.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await signIn.PostAsJsonAsync("/api/auth/login", new { email = "regidor.largo.utco", password = "Clave-" + new string('x', 200) })).StatusCode);
    }
}
