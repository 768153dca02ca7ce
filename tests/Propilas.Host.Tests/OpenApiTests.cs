namespace Propilas.Host.Tests;

[Collection(SeededHostCollection.Name)]
public sealed class OpenApiTests(SeededHost host)
{
    [Fact]
    public async Task The_OpenAPI_document_describes_the_process_endpoints()
    {
        using var anonymous = host.CreateClient();
        var document = await anonymous.GetAsync("/openapi/v1.json").ExpectAsync(HttpStatusCode.OK);
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/districts/{slug}/process", paths);
        Assert.Contains("/api/districts/{slug}/process/steps/{stepId}/complete", paths);
        Assert.Contains("/api/districts/{slug}/process/gates/{stageId}/approve", paths);
        Assert.Contains("/api/districts", paths);
        Assert.Contains("/api/auth/login", paths);
    }

    [Fact]
    public async Task Health_answers_without_a_token()
    {
        using var anonymous = host.CreateClient();
        using var response = await anonymous.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}
