using Microsoft.AspNetCore.Mvc.Testing;

namespace Propilas.Host.Tests.Security;

/// <summary>Issue 18, point 8: the language switch never leaves the site, alert ids cannot be walked, a survey upload names its field.</summary>
[Collection(SeededHostCollection.Name)]
public sealed class SmallHardeningTests(SeededHost host)
{
    [Theory]
    [InlineData("/\\evil.example")]
    [InlineData("//evil.example")]
    [InlineData("https://evil.example/")]
    [InlineData("/work")]
    public async Task Switching_language_with_a_return_address_off_the_site_goes_home(string returnUrl)
    {
        using var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var response = await client.PostAsync("/culture",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["culture"] = "en", ["returnUrl"] = returnUrl }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(returnUrl == "/work" ? "/work" : "/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Acknowledging_another_districts_alert_answers_as_a_missing_one_and_changes_nothing()
    {
        var coordinator = await host.LoginAsync("coordinator");
        var alerts = await coordinator.GetAsync("/api/alerts?district=san-juan&status=open").ExpectAsync(HttpStatusCode.OK);
        var alert = alerts.EnumerateArray().First();
        var id = alert.GetProperty("id").GetInt64();
        var lajas = await host.LoginAsync("mayor.lajas");

        var foreign = await lajas.PostAsJsonAsync($"/api/alerts/{id}/acknowledge", new { }).ExpectAsync(HttpStatusCode.NotFound);
        var missing = await lajas.PostAsJsonAsync("/api/alerts/987654321/acknowledge", new { }).ExpectAsync(HttpStatusCode.NotFound);

        Assert.Equal($"No alert {id}.", foreign.Str("detail"));
        Assert.Equal("No alert 987654321.", missing.Str("detail"));
        Assert.DoesNotContain("san-juan", foreign.GetRawText());
        var after = (await coordinator.GetAsync("/api/alerts?district=san-juan").ExpectAsync(HttpStatusCode.OK)).EnumerateArray().Single(a => a.GetProperty("id").GetInt64() == id);
        Assert.Equal("open", after.Str("status"));
    }

    [Fact]
    public async Task A_survey_uploaded_under_another_field_name_is_refused_naming_the_field()
    {
        var coordinator = await host.LoginAsync("coordinator");
        var name = TestDistrict.UniqueName("Subida");
        var slug = (await coordinator.PostAsJsonAsync("/api/districts", new { name, province = "Celendín" }).ExpectAsync(HttpStatusCode.Created)).Str("slug");

        using var form = new MultipartFormDataContent { { new StringContent(Plan.SampleSurvey), "survey", "encuesta.csv" } };
        var problem = await coordinator.PostAsync($"/api/districts/{slug}/diagnosis", form).ExpectAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["file"], problem.ErrorKeys());
        Assert.Contains("'file'", problem.GetProperty("errors").GetProperty("file")[0].GetString());
        await coordinator.GetAsync($"/api/districts/{slug}/diagnosis").ExpectAsync(HttpStatusCode.NotFound);

        using var named = new MultipartFormDataContent { { new StringContent(Plan.SampleSurvey), "file", "encuesta.csv" } };
        await coordinator.PostAsync($"/api/districts/{slug}/diagnosis", named).ExpectAsync(HttpStatusCode.OK);
    }
}
