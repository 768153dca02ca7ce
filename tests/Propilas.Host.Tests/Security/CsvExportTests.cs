namespace Propilas.Host.Tests.Security;

/// <summary>Issue 18, point 7: a text cell a spreadsheet would run as a formula comes out of every CSV export as text; numbers stay numbers.</summary>
[Collection(SeededHostCollection.Name)]
public sealed class CsvExportTests(SeededHost host)
{
    [Fact]
    public async Task A_district_named_like_a_formula_is_exported_as_text()
    {
        var coordinator = await host.LoginAsync("coordinator");
        var name = TestDistrict.UniqueName("=HYPERLINK(\"http://example.org\",\"x\")");
        var created = await coordinator.PostAsJsonAsync("/api/districts", new { name, province = "-1+2" }).ExpectAsync(HttpStatusCode.Created);
        var slug = created.Str("slug");
        await coordinator.EnsureDiagnosisAsync(slug);

        foreach (var url in new[] { "/api/diagnosis/summary?format=csv", $"/api/districts/{slug}/diagnosis?format=csv" })
        {
            using var response = await coordinator.GetAsync(url);
            Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
            var line = (await response.Content.ReadAsStringAsync()).Split('\n').Single(l => l.Contains("HYPERLINK", StringComparison.Ordinal));

            var quotedName = $"\"'{name.Replace("\"", "\"\"")}\"";
            Assert.StartsWith($"{quotedName},'-1+2,", line);
            var numbers = line[(quotedName.Length + ",'-1+2,".Length)..].Split(',');
            Assert.True(int.TryParse(numbers[0], out var localities) && localities > 0, $"localities should stay a number: {line}");
            Assert.DoesNotContain(numbers, cell => cell.StartsWith('\''));
        }
    }
}
