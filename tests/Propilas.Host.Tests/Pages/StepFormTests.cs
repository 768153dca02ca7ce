using Propilas.Host.Tests.PlanningPages;

namespace Propilas.Host.Tests.Pages;

/// <summary>A step's evidence form on the process page, posted as a browser posts it.</summary>
[Collection(SeededHostCollection.Name)]
public sealed class StepFormTests(SeededHost host)
{
    [Theory]
    [InlineData("1 200")]
    [InlineData("1,200")]
    public async Task A_count_typed_with_its_thousands_grouped_is_stored_as_that_number(string typed)
    {
        var (d, post) = await DiagnosisFormAsync();

        using var posted = await post(new()
        {
            ["ev.localitiesSurveyed"] = "42", ["ev.familiesSurveyed"] = typed,
        });

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var evidence = (await d.ProcessAsync()).Step("diagnosis").GetProperty("evidence");
        Assert.Equal(1200, evidence.GetProperty("familiesSurveyed").GetInt32());
        Assert.Equal(42, evidence.GetProperty("localitiesSurveyed").GetInt32());
    }

    /// <summary>A new district with its survey imported, and a post of its diagnosis step's form as the coordinator.</summary>
    private async Task<(TestDistrict District, Func<Dictionary<string, string>, Task<HttpResponseMessage>> Post)> DiagnosisFormAsync()
    {
        var d = await TestDistrict.CreateAsync(host, TestDistrict.UniqueName("Sucre"));
        await d.Coordinator.EnsureDiagnosisAsync(d.Slug);
        var coordinator = await PageSession.SignInAsync(host, "coordinator");
        var url = $"/districts/{d.Slug}";
        var page = await coordinator.GetAsync(url);
        var version = (await d.ProcessAsync()).Version().ToString();
        return (d, fields => coordinator.PostFormAsync($"{url}?handler=Complete&stepId=diagnosis", page, new(fields) { ["version"] = version }));
    }

    [Fact]
    public async Task A_count_with_a_decimal_comma_is_refused_naming_the_field()
    {
        var (d, post) = await DiagnosisFormAsync();

        using var posted = await post(new()
        {
            ["ev.localitiesSurveyed"] = "12,5",
        });

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        var html = await PageSession.TextAsync(posted);
        Assert.Contains("value=\"12,5\"", html);
        Assert.Contains("<div class=\"field-error\" role=\"alert\">«12,5» no es un número entero.</div>", html);
        Assert.DoesNotContain("must be a whole number", html);
        Assert.Equal("ready", (await d.ProcessAsync()).Step("diagnosis").Str("status"));
    }

    [Fact]
    public async Task An_ambiguous_count_is_refused_with_both_readings_and_nothing_is_recorded()
    {
        var (d, post) = await DiagnosisFormAsync();

        using var posted = await post(new()
        {
            ["ev.localitiesSurveyed"] = "42", ["ev.familiesSurveyed"] = "25.000",
        });

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        var html = await PageSession.TextAsync(posted);
        Assert.Contains("value=\"25.000\"", html);
        Assert.Contains("<div class=\"field-error\" role=\"alert\">«25.000» puede leerse como 25 000 o como 25;", html);
        Assert.Equal("ready", (await d.ProcessAsync()).Step("diagnosis").Str("status"));
    }

    [Fact]
    public async Task Approving_a_gate_asks_first_and_only_the_confirmed_post_approves()
    {
        var d = await TestDistrict.CreateAsync(host, TestDistrict.UniqueName("Chota"));
        await d.CompleteStageAsync("preparatory");
        var mayor = await PageSession.SignInAsync(host, d.MayorName, TestDistrict.AccountPassword);
        var url = $"/districts/{d.Slug}";
        var action = $"{url}?handler=ApproveGate&stageId=preparatory";
        var version = (await d.ProcessAsync()).Version().ToString();

        using var asked = await mayor.PostFormAsync(action, await mayor.GetAsync(url), new() { ["version"] = version });
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var html = await PageSession.TextAsync(asked);
        Assert.Contains("¿Aprobar la etapa «Etapa preparatoria»?", html);
        Assert.Contains("<input type=\"hidden\" name=\"confirm\" value=\"1\">", html);
        Assert.Contains("#gate-preparatory\"", html); // the form comes back to the gate
        Assert.Equal("active", (await d.ProcessAsync()).Stage("preparatory").Str("status"));

        using var confirmed = await mayor.PostFormAsync(action, html, new() { ["version"] = version, ["confirm"] = "1" });
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal($"{url}#gate-preparatory", confirmed.Headers.Location?.OriginalString);
        Assert.Equal("approved", (await d.ProcessAsync()).Stage("preparatory").Str("status"));
    }

    [Fact]
    public async Task Rejecting_a_step_without_a_reason_says_so_at_once_and_with_one_asks_first()
    {
        var d = await TestDistrict.CreateAsync(host, TestDistrict.UniqueName("Cutervo"), recordGateFacts: false);
        await d.CompleteAsync("induction");
        var mayor = await PageSession.SignInAsync(host, d.MayorName, TestDistrict.AccountPassword);
        var url = $"/districts/{d.Slug}";
        var action = $"{url}?handler=RejectStep&stepId=mayor-support";
        var version = (await d.ProcessAsync()).Version().ToString();

        using var noReason = await mayor.PostFormAsync(action, await mayor.GetAsync(url), new() { ["version"] = version, ["reason"] = " " });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        var html = await PageSession.TextAsync(noReason);
        Assert.Contains("<a href=\"#reason-mayor-support\">Motivo: Este dato es obligatorio.</a>", html);
        Assert.DoesNotContain("name=\"confirm\"", html);

        using var asked = await mayor.PostFormAsync(action, html, new() { ["version"] = version, ["reason"] = "Falta la firma del alcalde." });
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        html = await PageSession.TextAsync(asked);
        Assert.Contains("¿Rechazar «Apoyo expreso del alcalde»?", html);
        Assert.Contains("Motivo: Falta la firma del alcalde.", html);
        Assert.Equal("ready", (await d.ProcessAsync()).Step("mayor-support").Str("status"));

        using var confirmed = await mayor.PostFormAsync(action, html,
            new() { ["version"] = version, ["reason"] = "Falta la firma del alcalde.", ["confirm"] = "1" });
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var step = (await d.ProcessAsync()).Step("mayor-support");
        Assert.Equal("rejected", step.Str("status"));
        Assert.Equal("Falta la firma del alcalde.", step.GetProperty("outcome").Str("reason"));
    }
}
