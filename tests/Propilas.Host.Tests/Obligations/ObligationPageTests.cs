using Propilas.Host.Tests.WaterBoards;

namespace Propilas.Host.Tests.Obligations;

/// <summary>The obligations page: who owes what, and marking one fulfilled with its evidence.</summary>
public sealed class ObligationPageTests(BoardHost host) : IClassFixture<BoardHost>
{
    private static KeyValuePair<string, string> F(string name, string value) => KeyValuePair.Create(name, value);

    [Fact]
    public async Task The_alderman_marks_an_obligation_fulfilled_and_a_rejected_form_keeps_the_typed_date()
    {
        var d = await TestDistrict.CreateAsync(host, TestDistrict.UniqueName("Conchán"));
        var obligation = (await d.Alderman.GetAsync($"/api/districts/{d.Slug}/obligations?phase=diagnosis&stakeholder=municipality").ExpectAsync(HttpStatusCode.OK))[0];
        var id = obligation.GetProperty("id").GetInt32();
        var page = $"/districts/{d.Slug}/obligations";
        var alderman = await PageForms.SignInAsync(host, d.AldermanName, TestDistrict.AccountPassword);

        var html = await alderman.GetAsync(page);
        Assert.Contains("Identificar la situación de los servicios de agua y saneamiento", html);
        Assert.Contains("Ministerio de Salud", html);
        Assert.Contains("Pendiente", html);

        var (status, rejected, _) = await alderman.PostAsync(page, $"{page}?handler=Fulfil&id={id}",
            [F("version", "1"), F("evidence", ""), F("fulfilledOn", "2026-02-20")]);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("2026-02-20", PageForms.ValueOf(rejected, "fulfilledOn"));
        Assert.Contains("Este dato es obligatorio.", rejected);

        (status, _, var location) = await alderman.PostAsync(page, $"{page}?handler=Fulfil&id={id}",
            [F("version", "1"), F("evidence", "Informe del diagnóstico distrital"), F("fulfilledOn", "2026-02-20")]);
        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Equal($"{page}#obligation-{id}", location);
        var after = await alderman.GetAsync($"{page}?status=fulfilled");
        Assert.Contains("Informe del diagnóstico distrital", after);
        Assert.Contains("Cumplida el 20/02/2026", after);
        Assert.DoesNotContain("Ministerio de Salud</h2>", after);

        var stale = await alderman.PostAsync(page, $"{page}?handler=Fulfil&id={id}", [F("version", "1"), F("evidence", "Otra vez")]);
        Assert.Equal(HttpStatusCode.Conflict, stale.Status);
        Assert.Contains("Otra persona cambió este registro", stale.Html);
    }
}
