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
    public async Task Every_operation_documents_its_success_answer()
    {
        using var anonymous = host.CreateClient();
        var document = await anonymous.GetAsync("/openapi/v1.json").ExpectAsync(HttpStatusCode.OK);
        var undocumented = new List<string>();
        var count = 0;
        foreach (var path in document.GetProperty("paths").EnumerateObject())
            foreach (var operation in path.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "patch" or "delete"))
            {
                count++;
                var successes = operation.Value.TryGetProperty("responses", out var responses)
                    ? responses.EnumerateObject().Where(r => r.Name.StartsWith('2')).ToList()
                    : [];
                if (!successes.Any(Described)) undocumented.Add($"{operation.Name.ToUpperInvariant()} {path.Name}");
            }
        Assert.True(count > 50, $"only {count} operations in the document");
        Assert.True(undocumented.Count == 0, $"{undocumented.Count} of {count} operations have no success answer with a schema:\n{string.Join("\n", undocumented)}");
    }

    /// <summary>A success answer says what it carries: a JSON schema, a content type that is not JSON (a CSV or a file), or nothing (204).</summary>
    private static bool Described(JsonProperty response)
    {
        if (response.Name == "204") return true;
        if (!response.Value.TryGetProperty("content", out var content)) return false;
        return content.EnumerateObject().Any(c => !c.Name.Contains("json") || c.Value.TryGetProperty("schema", out _));
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
