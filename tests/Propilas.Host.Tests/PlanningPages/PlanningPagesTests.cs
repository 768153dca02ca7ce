using System.Text.RegularExpressions;

namespace Propilas.Host.Tests.PlanningPages;

/// <summary>The investment plan, diagnosis and strategic plan pages, rendered by the real host.</summary>
[Collection(SeededHostCollection.Name)]
public sealed partial class PlanningPagesTests(SeededHost host)
{
    [Fact]
    public async Task The_investment_plan_page_shows_the_16_columns_in_soles_as_planners_write_them()
    {
        var mayor = await PageSession.SignInAsync(host, "mayor.san-juan");

        var html = await mayor.GetAsync("/districts/san-juan/investment-plan");

        // Read top to bottom, one row a figure: the pilots' 16 columns (3, 7 and 10-11 carry a figure and its share) and the
        // break-even share, under the district's name, in five parts from the inputs to the financing.
        Assert.Equal(17, Regex.Matches(DistrictTable(html), "<th scope=\"row\">").Count);
        Assert.Equal(5, Regex.Matches(DistrictTable(html), "<th scope=\"colgroup\"").Count);
        foreach (var figure in new[] { "S/ 3 618 342", "S/ 3 245 144", "89.7 %", "6 886", "76.0 %", "8.0 %", "551", "S/ 327 815", "2 822", "41.0 %",
                     "S/ 642 280", "S/ 970 095", "S/ 1 622 572", "S/ 194 019", "S/ 846 496" })
            Assert.Contains($">{figure}<", html.Replace("<strong>", "").Replace("</strong>", ""));
        Assert.Contains("Plan de inversiones", html);

        var english = await PageSession.SignInAsync(host, "mayor.san-juan", culture: "en");
        html = await english.GetAsync("/districts/san-juan/investment-plan");
        Assert.Contains("S/ 970,095", html);
        Assert.Contains("Investment plan", html);
    }

    [Fact]
    public async Task A_what_if_moves_the_plan_without_saving_it()
    {
        var mayor = await PageSession.SignInAsync(host, "mayor.llacanora");

        var html = await mayor.GetAsync("/districts/llacanora/investment-plan?municipalSharePct=20");

        Assert.Contains("<mark>S/ 3 642 852</mark> <span class=\"change-note\">cambió</span>", html); // 3,642,852 x 20 % x 5
        Assert.Contains("<td class=\"num\">S/ 1 821 426</td>", html); // the saved plan beside it
        Assert.Contains("value=\"20\"", html);
        Assert.Contains("no se guarda", html);
        var stored = await mayor.GetAsync("/districts/llacanora/investment-plan");
        Assert.Contains("S/ 1 821 426", stored);
        Assert.DoesNotContain("no se guarda", stored);
        html = await mayor.GetAsync("/districts/llacanora/investment-plan?municipalSharePct=abc&years=0&communitySharePct=150");
        Assert.Contains("«abc» no es un número; escriba por ejemplo 25000, 25,000 o 25.5.", html);
        Assert.Contains("Escriba un porcentaje entre 0 y 100 (era 150).", html);
        Assert.Contains("class=\"error-summary\"", html);
        Assert.Contains("Debe ser al menos 1 (era 0).", html);
        Assert.DoesNotContain("must be at least", html);
    }

    [Fact]
    public async Task The_inputs_form_keeps_what_was_typed_names_the_wrong_field_and_says_when_it_is_stale()
    {
        var d = await TestDistrict.CreateAsync(host, TestDistrict.UniqueName("Cortegana"));
        await d.Coordinator.EnsureInvestmentInputsAsync(d.Slug);
        var mayor = await PageSession.SignInAsync(host, d.MayorName, TestDistrict.AccountPassword);
        var url = $"/districts/{d.Slug}/investment-plan";
        var page = await mayor.GetAsync(url);
        var fields = new Dictionary<string, string>
        {
            ["version"] = "1", ["totalBudget"] = "3 618 342", ["investmentBudget"] = "tres millones", ["population"] = "6886", ["coveragePct"] = "68",
            ["rehabilitationPopulation"] = "2822", ["municipalSharePct"] = "10",
        };

        using var rejected = await mayor.PostFormAsync($"{url}?handler=Save", page, fields);
        var html = await PageSession.TextAsync(rejected);
        Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
        Assert.Contains("value=\"tres millones\"", html);
        Assert.Contains("«tres millones» no es un número", html);
        Assert.Contains("value=\"3 618 342\"", html);

        // The calculator's own checks, with the values, in the page's language.
        fields["investmentBudget"] = "4 000 000";
        using var tooMuch = await mayor.PostFormAsync($"{url}?handler=Save", page, fields);
        Assert.Equal(HttpStatusCode.BadRequest, tooMuch.StatusCode);
        Assert.Contains("No puede superar el presupuesto total (4000000 > 3618342).", await PageSession.TextAsync(tooMuch));
        var english = await PageSession.SignInAsync(host, d.MayorName, TestDistrict.AccountPassword, culture: "en");
        using var tooMuchEn = await english.PostFormAsync($"{url}?handler=Save", await english.GetAsync(url), fields);
        Assert.Contains("must not exceed totalBudget (4000000 > 3618342)", await PageSession.TextAsync(tooMuchEn));

        fields["investmentBudget"] = "3245144";
        fields["population"] = "7000";
        using var saved = await mayor.PostFormAsync($"{url}?handler=Save", page, fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("7 000", await mayor.GetAsync(url));

        // The same old form again: version 1 is stale now.
        using var stale = await mayor.PostFormAsync($"{url}?handler=Save", page, fields);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("Otra persona cambió estos datos", await PageSession.TextAsync(stale));
        Assert.Equal(7000, (await d.Coordinator.GetAsync($"/api/districts/{d.Slug}/investment-plan").ExpectAsync(HttpStatusCode.OK))
            .GetProperty("inputs").GetProperty("population").GetInt32());
    }

    [Fact]
    public async Task The_coordinator_records_the_district_plan_in_the_process_step_from_the_page()
    {
        var d = await TestDistrict.CreateAsync(host, TestDistrict.UniqueName("Bambamarca"));
        await d.CompleteStageAsync("preparatory");
        await d.Mayor.ApproveGateAsync(d.Slug, "preparatory").ExpectAsync(HttpStatusCode.OK);
        await d.CompleteAsync("planning-workshop-1", "planning-workshop-2");
        await d.Coordinator.EnsureInvestmentInputsAsync(d.Slug);
        var coordinator = await PageSession.SignInAsync(host, "coordinator");
        var url = $"/districts/{d.Slug}/investment-plan";

        var page = await coordinator.GetAsync(url);
        Assert.Contains("Registrar este plan", page);
        Assert.DoesNotContain("Registrar este plan", await coordinator.GetAsync($"{url}?years=4")); // not a what-if
        var version = (await d.ProcessAsync()).Version();
        using var recorded = await coordinator.PostFormAsync($"{url}?handler=Record", page, new() { ["version"] = version.ToString() });

        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        Assert.Equal($"/districts/{d.Slug}#step-investment-plan", recorded.Headers.Location?.OriginalString);
        var step = (await d.ProcessAsync()).Step("investment-plan");
        Assert.Equal("done", step.Str("status"));
        Assert.Equal((970095m, 1622572m, 846496m), (step.GetProperty("evidence").GetProperty("totalInvestment").GetDecimal(),
            step.GetProperty("evidence").GetProperty("municipalCommitment").GetDecimal(), step.GetProperty("evidence").GetProperty("balance").GetDecimal()));
        await d.Coordinator.GetAsync($"/api/districts/{d.Slug}/investment-plan/recorded").ExpectAsync(HttpStatusCode.OK);
        Assert.Contains("se completó con el plan", await coordinator.GetAsync(url));
    }

    [Fact]
    public async Task The_coordinator_sees_a_row_per_district_and_a_mayor_may_not()
    {
        var coordinator = await PageSession.SignInAsync(host, "coordinator");
        var html = await coordinator.GetAsync("/investment-plan");
        foreach (var slug in new[] { "san-juan", "llacanora", "miguel-iglesias", "utco", "lajas", "tacabamba" })
            Assert.Contains($"href=\"/districts/{slug}/investment-plan\"", html);
        Assert.Equal(18, Regex.Matches(Table(html), "<th[ >]").Count);
        Assert.Contains("<div class=\"scroll\" role=\"region\" tabindex=\"0\"", html); // a keyboard reaches the wide table's scroll area
        Assert.Contains("S/ 7 084 139", html);
        Assert.Contains("S/ -4 376 646", html); // Tacabamba's deficit

        var mayor = await PageSession.SignInAsync(host, "mayor.utco");
        Assert.NotEqual(HttpStatusCode.OK, await mayor.StatusAsync("/investment-plan"));
        Assert.NotEqual(HttpStatusCode.OK, await mayor.StatusAsync("/districts/san-juan/investment-plan"));
        Assert.NotEqual(HttpStatusCode.OK, await mayor.StatusAsync("/districts/san-juan/diagnosis"));
        Assert.NotEqual(HttpStatusCode.OK, await mayor.StatusAsync("/districts/san-juan/strategic-plan"));
    }

    [Fact]
    public async Task The_diagnosis_page_lists_every_bad_row_of_a_rejected_upload_and_imports_a_good_one()
    {
        var d = await TestDistrict.CreateAsync(host, TestDistrict.UniqueName("Sorochuco"));
        var coordinator = await PageSession.SignInAsync(host, "coordinator");
        var url = $"/districts/{d.Slug}/diagnosis";
        var page = await coordinator.GetAsync(url);
        Assert.Contains("aún no tiene diagnóstico", page);
        var header = Plan.SampleSurvey.Split('\n')[0].TrimEnd('\r');
        var bad = $"{header}\nSanta Rosa,85,460,90,sí,SAP Santa Rosa,1994,3,3,2,sí,no,,,,,,,,,,\nHuañambra,42,230,0,tal vez,,,,,,,,,,,,,,,,,\n";

        using var rejected = await coordinator.PostFileAsync($"{url}?handler=Import", page, new() { ["version"] = "0" }, "sorochuco.csv", bad);
        var html = await PageSession.TextAsync(rejected);
        Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
        Assert.Contains("sorochuco.csv", html);
        Assert.Contains("<td class=\"num\">2</td><td>families_with_safe_water</td>", html);
        Assert.Contains("<td class=\"num\">3</td><td>has_system</td>", html);
        // Said in Spanish, the page's language, not in the importer's English.
        Assert.Contains("<td>families_with_safe_water</td><td>90 es mayor que families (85)</td>", html);
        Assert.Contains("no es una respuesta sí/no", html);
        Assert.DoesNotContain("is greater than", html);
        await d.Coordinator.GetAsync($"/api/districts/{d.Slug}/diagnosis").ExpectAsync(HttpStatusCode.NotFound);

        using var imported = await coordinator.PostFileAsync($"{url}?handler=Import", page, new() { ["version"] = "0" }, "muestra.csv", Plan.SampleSurvey);
        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
        html = await coordinator.GetAsync(url);
        Assert.Contains("Diagnóstico importado.", html);
        Assert.Contains("SAP Cruz Conga", html);
        Assert.Contains("Sostenible", html);
    }

    [Fact]
    public async Task A_survey_headed_in_Spanish_is_read_and_its_problems_name_the_columns_in_Spanish()
    {
        var d = await TestDistrict.CreateAsync(host, TestDistrict.UniqueName("Cortegana"));
        var coordinator = await PageSession.SignInAsync(host, "coordinator");
        var url = $"/districts/{d.Slug}/diagnosis";
        var page = await coordinator.GetAsync(url);
        Assert.Contains("<code>familias_con_agua_segura</code>", page); // the columns explained with their Spanish names
        Assert.Contains("href=\"/api/diagnosis/template/es\"", page);
        var template = await (await d.Coordinator.GetAsync("/api/diagnosis/template/es")).Content.ReadAsStringAsync();
        Assert.StartsWith("localidad,familias,población,familias_con_agua_segura,tiene_sistema,", template);

        var lines = Plan.SampleSurvey.Split('\n', 2);
        var spanish = template.TrimEnd('\n') + "\n";
        var bad = $"{spanish}Santa Rosa,85,460,90,sí,SAP Santa Rosa,1994,3,3,2,sí,no,,,,,,,,,,\n";
        using var rejected = await coordinator.PostFileAsync($"{url}?handler=Import", page, new() { ["version"] = "0" }, "cortegana.csv", bad);
        Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
        Assert.Contains("<td class=\"num\">2</td><td>familias_con_agua_segura</td>", await PageSession.TextAsync(rejected));

        using var imported = await coordinator.PostFileAsync($"{url}?handler=Import", page, new() { ["version"] = "0" }, "cortegana.csv", spanish + lines[1]);
        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
        Assert.Contains("SAP Cruz Conga", await coordinator.GetAsync(url));
    }

    [Fact]
    public async Task The_strategic_plan_prints_the_vision_goals_plan_and_council_resolution_recorded_by_the_process()
    {
        var mayor = await PageSession.SignInAsync(host, "mayor.utco");

        var html = await mayor.GetAsync("/districts/utco/strategic-plan");

        Assert.Contains("Al 2009, Utco cuenta con instituciones fortalecidas", html);
        Assert.Contains("JASS capacitadas en administración, operación y mantenimiento", html); // the structured goal
        Assert.Contains("Visitas de seguimiento a las JASS", html); // an operating-plan activity with its owner
        Assert.Contains("Área técnica municipal de agua y saneamiento", html);
        Assert.Contains("S/ 298 437", html);
        Assert.Contains("Se listan 10 de las 24 actividades", html); // the workshop's count over the activities entered one by one
        Assert.DoesNotContain("24 actividades con metas", html);
        Assert.Contains("DEMO 031-2005-MDU/CM", html);
        Assert.Contains("Plan Estratégico Distrital de Agua y Saneamiento 2006-2010", html);
        Assert.Contains("data-print", html); // the print button, wired by /js/print.js (the CSP runs no inline handler)
        Assert.Contains("id=\"commitments\"", html);
        Assert.Contains("id=\"committee\"", html);
        Assert.True(html.Length < 150_000, $"{html.Length} bytes");

        var sanJuan = await (await PageSession.SignInAsync(host, "mayor.san-juan")).GetAsync("/districts/san-juan/strategic-plan");
        Assert.Contains("aún no emite la resolución", sanJuan);
    }

    private static string DistrictTable(string html) => html[html.IndexOf("<table class=\"plan-district\">", StringComparison.Ordinal)..(html.IndexOf("</table>", StringComparison.Ordinal))];

    private static string Table(string html) => html[html.IndexOf("<table class=\"plan\">", StringComparison.Ordinal)..(html.IndexOf("</thead>", StringComparison.Ordinal))];
}
