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
        Assert.Contains("<div class=\"field-error\" role=\"alert\">Escriba un número entero, cero o más.</div>", html);
        Assert.DoesNotContain("must be a whole number", html);
        Assert.Equal("ready", (await d.ProcessAsync()).Step("diagnosis").Str("status"));
    }
}
