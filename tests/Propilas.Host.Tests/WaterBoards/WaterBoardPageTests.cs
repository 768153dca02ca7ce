namespace Propilas.Host.Tests.WaterBoards;

/// <summary>The water-board pages: the list with alerts, adding a board, recording a visit and updating facts, as the ATM would.</summary>
public sealed class WaterBoardPageTests(BoardHost host) : IClassFixture<BoardHost>
{
    private static KeyValuePair<string, string> F(string name, string value) => KeyValuePair.Create(name, value);

    [Fact]
    public async Task A_rejected_new_board_keeps_what_was_typed_and_says_what_is_wrong_next_to_the_field_then_is_added()
    {
        var d = await BoardDistrict.CreateAsync(host, "Namora");
        var atm = await PageForms.SignInAsync(host, $"atm.{d.Slug}", TestDistrict.AccountPassword);
        var list = $"/districts/{d.Slug}/water-boards";

        var (status, html, _) = await atm.PostAsync(list, $"{list}?handler=Add",
            [F("f.name", "Tuñad Alto"), F("f.locality", "Tuñad"), F("f.waterSystem", ""), F("f.annualOmCost", "mil"), F("f.chlorinates", "true"), F("f.chlorinates", "false")]);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("Tuñad Alto", PageForms.ValueOf(html, "f.name"));
        Assert.Equal("mil", PageForms.ValueOf(html, "f.annualOmCost"));
        Assert.Matches("""name="f.annualOmCost"[^>]*>\s*<div class="field-error" role="alert">«mil» no es un número; escriba por ejemplo 25000, 25,000 o 25.5.</div>""", html);
        Assert.Contains("""id="f-chlorinates" name="f.chlorinates" value="true" checked="checked" """.TrimEnd(), html);

        (status, html, var location) = await atm.PostAsync(list, $"{list}?handler=Add",
            [F("f.name", "Tuñad Alto"), F("f.locality", "Tuñad"), F("f.waterSystem", ""), F("f.annualOmCost", "1 250.50")]);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Matches("""name="f.waterSystem"[^>]*>\s*<div class="field-error" role="alert">No puede quedar vacío.</div>""", html);

        (status, _, location) = await atm.PostAsync(list, $"{list}?handler=Add",
            [F("f.name", "Tuñad Alto"), F("f.locality", "Tuñad"), F("f.waterSystem", "SAP Tuñad Alto"), F("f.annualOmCost", "1 250.50"), F("f.chlorinates", "false")]);
        Assert.Equal(HttpStatusCode.Redirect, status);
        var board = await atm.GetAsync(location!);
        Assert.Contains("JASS Tuñad Alto", board);
        Assert.Contains("no clora el agua", board);
        var listed = await atm.GetAsync(list);
        Assert.Contains("Tuñad Alto", listed);
        Assert.Contains("No clora", listed); // the alert badge
        Assert.Contains("nunca", listed); // never visited
    }

    [Fact]
    public async Task Recording_a_visit_on_the_board_page_resolves_the_overdue_visit_and_a_rejected_one_keeps_the_typed_findings()
    {
        var d = await BoardDistrict.CreateAsync(host, "Lucma");
        var added = await d.Atm.PostAsJsonAsync(d.BoardsUrl, Board.Sound(host)).ExpectAsync(HttpStatusCode.Created);
        var id = BoardDistrict.Id(added);
        var page = $"/districts/{d.Slug}/water-boards/{id}";
        var atm = await PageForms.SignInAsync(host, $"atm.{d.Slug}", TestDistrict.AccountPassword);
        Assert.Contains("nunca ha recibido una visita municipal", await atm.GetAsync(page));

        var tomorrow = Board.Today(host).AddDays(1).ToString("yyyy-MM-dd");
        var (status, html, _) = await atm.PostAsync(page, $"{page}?handler=Visit",
            [F("version", "1"), F("visitedOn", tomorrow), F("visitedBy", "Técnico Rojas"), F("findings", "")]);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(tomorrow, PageForms.ValueOf(html, "visitedOn"));
        Assert.Equal("Técnico Rojas", PageForms.ValueOf(html, "visitedBy"));
        Assert.Contains("No puede ser una fecha futura.", html);
        Assert.Contains("Este dato es obligatorio.", html);

        (status, _, var location) = await atm.PostAsync(page, $"{page}?handler=Visit",
            [F("version", "1"), F("visitedOn", Board.Today(host).ToString("yyyy-MM-dd")), F("visitedBy", "Técnico Rojas"),
             F("findings", "Reservorio limpio, cloro residual correcto."), F("o.loanInstallmentsPaid", "25")]);
        Assert.Equal(HttpStatusCode.Redirect, status);
        var after = await atm.GetAsync(location!);
        Assert.Contains("Reservorio limpio, cloro residual correcto.", after);
        Assert.DoesNotContain("nunca ha recibido una visita municipal", after);
        var detail = await d.Atm.GetAsync($"{d.BoardsUrl}/{id}").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(25, detail.GetProperty("board").GetProperty("loanInstallmentsPaid").GetInt32());
        Assert.Equal("Técnico Rojas", detail.GetProperty("visits")[0].Str("visitedBy"));
    }

    [Fact]
    public async Task A_stale_update_form_says_so_keeps_the_typed_values_and_overwrites_nothing()
    {
        var d = await BoardDistrict.CreateAsync(host, "Utcubamba");
        var board = await d.AddVisitedBoardAsync(host);
        var id = BoardDistrict.Id(board);
        var page = $"/districts/{d.Slug}/water-boards/{id}";
        var alderman = await PageForms.SignInAsync(host, d.District.AldermanName, TestDistrict.AccountPassword);
        var opened = BoardDistrict.Version(board);
        await d.UpdateAsync(id, new { annualTariffRevenue = 7000 }); // someone else, meanwhile

        var (status, html, _) = await alderman.PostAsync(page, $"{page}?handler=Update",
            [F("version", opened.ToString()), F("f.name", "Santa Rosa"), F("f.locality", "Santa Rosa"), F("f.waterSystem", "SAP Santa Rosa"), F("f.annualTariffRevenue", "100")]);

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("Otra persona cambió este registro", html);
        Assert.Equal("100", PageForms.ValueOf(html, "f.annualTariffRevenue"));
        var now = await d.Atm.GetAsync($"{d.BoardsUrl}/{id}").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(7000m, now.GetProperty("board").GetProperty("annualTariffRevenue").GetDecimal());
    }

    [Fact]
    public async Task Readers_see_no_forms_and_another_districts_pages_are_forbidden()
    {
        var d = await BoardDistrict.CreateAsync(host, "Cutervo");
        var id = BoardDistrict.Id(await d.AddVisitedBoardAsync(host));
        var other = await BoardDistrict.CreateAsync(host, "Socota");

        var mayor = await PageForms.SignInAsync(host, d.District.MayorName, TestDistrict.AccountPassword);
        var list = await mayor.GetAsync($"/districts/{d.Slug}/water-boards");
        Assert.Contains("Santa Rosa", list);
        Assert.DoesNotContain("handler=Add", list);
        Assert.DoesNotContain("handler=Visit", await mayor.GetAsync($"/districts/{d.Slug}/water-boards/{id}"));

        var stranger = await PageForms.SignInAsync(host, $"atm.{other.Slug}", TestDistrict.AccountPassword);
        foreach (var url in new[] { $"/districts/{d.Slug}/water-boards", $"/districts/{d.Slug}/water-boards/{id}", $"/districts/{d.Slug}/obligations" })
        {
            // 403 for a token; a cookie session would be sent to the /forbidden page.
            using var response = await stranger.Client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
        await stranger.GetAsync($"/districts/{other.Slug}/water-boards/{id}", HttpStatusCode.NotFound);
        await stranger.GetAsync("/districts/no-such-district/water-boards", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task In_English_the_pages_and_their_errors_are_in_English()
    {
        var d = await BoardDistrict.CreateAsync(host, "Cachachi");
        var atm = await PageForms.SignInAsync(host, $"atm.{d.Slug}", TestDistrict.AccountPassword);
        using (var switched = await atm.Client.PostAsync("/culture", new FormUrlEncodedContent([F("culture", "en"), F("returnUrl", "/")])))
            Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        var list = $"/districts/{d.Slug}/water-boards";

        Assert.Contains("Water boards (JASS)", await atm.GetAsync(list));
        var (status, html, _) = await atm.PostAsync(list, $"{list}?handler=Add", [F("f.name", "Alto Perú"), F("f.locality", ""), F("f.waterSystem", "SAP Alto Perú")]);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Must not be empty.", html);
        Assert.Contains("Stakeholder obligations", await atm.GetAsync($"/districts/{d.Slug}/obligations"));
    }
}
