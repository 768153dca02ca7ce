using Propilas.Tests;
using System.Net.Http.Headers;
using System.Text;

namespace Propilas.Host.Tests.Diagnosis;

/// <summary>District diagnoses through the API: import (all or nothing), summaries, categories, and the seeded pilots.</summary>
[Collection(SeededHostCollection.Name)]
public sealed class DiagnosisApiTests(SeededHost host)
{
    private static readonly string Header = Plan.SampleSurvey.Split('\n')[0].TrimEnd('\r');

    [Fact]
    public async Task A_seeded_pilot_shows_the_districts_csv_figures_and_each_systems_category()
    {
        var mayor = await host.LoginAsync("mayor.san-juan");

        var diagnosis = await mayor.GetAsync("/api/districts/san-juan/diagnosis").ExpectAsync(HttpStatusCode.OK);

        var summary = diagnosis.GetProperty("summary");
        Assert.Equal(("San Juan", "Cajamarca", 23, 1252, 68), (summary.Str("district"), summary.Str("province"),
            summary.GetProperty("localities").GetInt32(), summary.GetProperty("families").GetInt32(), summary.GetProperty("waterCoveragePct").GetInt32()));
        var systems = diagnosis.GetProperty("systems").EnumerateArray().ToList();
        Assert.Equal(50, systems.Count);
        var categories = systems.GroupBy(s => s.Str("category")).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(new Dictionary<string, int> { ["deteriorating"] = 30, ["severe-deterioration"] = 19, ["collapsed"] = 1 }, categories);
        var first = systems[0];
        Assert.Equal("Maraybamba", first.Str("locality"));
        Assert.Equal("SAP Maraybamba sector Alto", first.Str("name"));
        Assert.Equal(2.5m, first.GetProperty("index").GetDecimal()); // (2 x 2 + 2 + 4) / 4
        Assert.Equal("severe-deterioration", first.Str("category"));
        Assert.Equal("en proceso de deterioro grave", first.GetProperty("categoryName").Str("es"));

        // One line of districts.csv, on request.
        var csv = await CsvAsync(mayor, "/api/districts/san-juan/diagnosis");
        var expected = File.ReadAllLines(ReportTables.File("districts.csv"));
        Assert.Equal($"{expected[0]}\n{expected.Single(l => l.StartsWith("San Juan,"))}\n", csv);
    }

    [Fact]
    public async Task A_mayor_sees_only_the_diagnosis_of_the_own_district_and_only_the_coordinator_imports()
    {
        var utco = await host.LoginAsync("mayor.utco");
        await utco.GetAsync("/api/districts/san-juan/diagnosis").ExpectAsync(HttpStatusCode.Forbidden);
        await utco.ImportDiagnosisAsync("utco", Plan.SampleSurvey).ExpectAsync(HttpStatusCode.Forbidden);
        await utco.GetAsync("/api/diagnosis/summary").ExpectAsync(HttpStatusCode.Forbidden);
        var coordinator = await host.LoginAsync("coordinator");
        await coordinator.GetAsync("/api/districts/nowhere/diagnosis").ExpectAsync(HttpStatusCode.NotFound);
        await coordinator.ImportDiagnosisAsync("nowhere", Plan.SampleSurvey).ExpectAsync(HttpStatusCode.NotFound);

        var template = await (await utco.GetAsync("/api/diagnosis/template")).Content.ReadAsStringAsync();
        Assert.Equal(Header, template.TrimEnd('\n', '\r'));
    }

    [Fact]
    public async Task A_bad_file_is_rejected_whole_naming_every_bad_row_and_nothing_is_stored()
    {
        var d = await TestDistrict.CreateAsync(host, TestDistrict.UniqueName("Sucre"));
        var bad = string.Join('\n',
            Header,
            "Santa Rosa,85,460,70,sí,SAP Santa Rosa,1994,3,3,2,sí,no,30,21,9,,6,22,5,3,18,3",
            "Huañambra,cuarenta,230,0,no,,,,,,,,15,8,7,,2,0,4,11,9,2",
            "Cruz Conga,60,310,48,sí,SAP Cruz Conga,2001,5,4,3,sí,sí,20,16,3,1,9,17,2,1,12,1",
            "Chontabamba,28,150,40,no,,,,,,,,10,5,5,,1,0,6,4,7,2") + "\n";

        var problem = await d.Coordinator.ImportDiagnosisAsync(d.Slug, bad).ExpectAsync(HttpStatusCode.BadRequest);

        var rows = problem.GetProperty("rows").EnumerateArray().Select(r => (r.GetProperty("line").GetInt32(), r.Str("column"))).ToList();
        Assert.Equal([(3, "families"), (4, "state_score"), (5, "families_with_safe_water")], rows);
        Assert.All(problem.GetProperty("rows").EnumerateArray(), r => Assert.False(string.IsNullOrWhiteSpace(r.Str("message"))));
        var families = problem.GetProperty("rows")[0];
        Assert.Equal(("'cuarenta' is not a whole number", "'cuarenta' no es un número entero"), (families.Str("message"), families.Str("messageEs")));
        Assert.Contains("line 4", problem.GetProperty("errors").GetProperty("state_score")[0].GetString());
        await d.Coordinator.GetAsync($"/api/districts/{d.Slug}/diagnosis").ExpectAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain(await d.Coordinator.HistoryAsync(d.Slug), e => e.Str("action") == "diagnosis.imported");

        // With a diagnosis in place, a bad file leaves it as it was.
        var imported = await d.Coordinator.ImportDiagnosisAsync(d.Slug, Plan.SampleSurvey).ExpectAsync(HttpStatusCode.OK);
        await d.Coordinator.ImportDiagnosisAsync(d.Slug, bad).ExpectAsync(HttpStatusCode.BadRequest);
        var after = await d.Coordinator.GetAsync($"/api/districts/{d.Slug}/diagnosis").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(imported.GetRawText(), after.GetRawText());

        // Header problems and a non-UTF-8 file are reported too.
        problem = await d.Coordinator.ImportDiagnosisAsync(d.Slug, "locality,families,colour\nX,1,red\n").ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Contains("colour", problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        using var latin1 = new ByteArrayContent(Encoding.Latin1.GetBytes(Header + "\nHuañambra,42,230,0,no,,,,,,,,,,,,,,,,,\n"));
        latin1.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        problem = await d.Coordinator.PostAsync($"/api/districts/{d.Slug}/diagnosis", latin1).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal("not-utf8", problem.GetProperty("rows")[0].Str("kind"));
    }

    [Fact]
    public async Task A_new_import_replaces_the_previous_one_audited_and_a_stale_import_is_refused()
    {
        var d = await TestDistrict.CreateAsync(host, TestDistrict.UniqueName("Oxamarca"));
        var first = await d.Coordinator.ImportDiagnosisAsync(d.Slug, Plan.SampleSurvey, expectedVersion: 0).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(1, first.GetProperty("version").GetInt32());
        Assert.Equal(5, first.GetProperty("summary").GetProperty("localities").GetInt32());
        Assert.Equal(d.Name, first.GetProperty("summary").Str("district"));

        // The second file is uploaded as a form, as the page does: Utco's seed survey.
        var utco = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Seed", "data", "diagnosis", "utco.csv"));
        using var form = new MultipartFormDataContent { { new ByteArrayContent(utco), "file", "utco-2026.csv" } };
        var second = await d.Coordinator.PostAsync($"/api/districts/{d.Slug}/diagnosis?expectedVersion=1", form).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(2, second.GetProperty("version").GetInt32());
        Assert.Equal("utco-2026.csv", second.Str("fileName"));
        Assert.Equal((8, 411, 5), (second.GetProperty("summary").GetProperty("localities").GetInt32(),
            second.GetProperty("summary").GetProperty("families").GetInt32(), second.GetProperty("systems").GetArrayLength()));
        var imports = (await d.Coordinator.HistoryAsync(d.Slug)).Where(e => e.Str("action") == "diagnosis.imported").ToList();
        Assert.Equal(2, imports.Count);
        Assert.Null(imports[0].OptionalStr("before"));
        Assert.Equal(imports[0].Str("after"), imports[1].Str("before"));
        Assert.StartsWith($"{d.Name},Celendín,8,411,57,", imports[1].Str("after"));
        Assert.Equal("coordinator", imports[1].Str("by"));

        var stale = await d.Coordinator.ImportDiagnosisAsync(d.Slug, Plan.SampleSurvey, expectedVersion: 1).ExpectAsync(HttpStatusCode.Conflict);
        Assert.Equal("stale", stale.Str("reason"));
        var kept = await d.Coordinator.GetAsync($"/api/districts/{d.Slug}/diagnosis").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(2, kept.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task The_diagnosis_step_can_be_completed_only_once_a_diagnosis_exists()
    {
        var d = await TestDistrict.CreateAsync(host, TestDistrict.UniqueName("Chumuch"));
        var before = (await d.ProcessAsync()).Version();

        var problem = await d.Coordinator.CompleteAsync(d.Slug, "diagnosis", Plan.EvidenceOf("diagnosis")).ExpectAsync(HttpStatusCode.Conflict);

        Assert.Equal("step-conditions-unmet", problem.Str("reason"));
        Assert.Equal(["diagnosis.missing"], problem.UnmetConditionIds());
        var message = problem.GetProperty("unmetConditions")[0].GetProperty("message");
        Assert.Contains("diagnóstico", message.Str("es"));
        Assert.Contains(d.Name, message.Str("en"));
        Assert.Equal(before, (await d.ProcessAsync()).Version());

        await d.Coordinator.ImportDiagnosisAsync(d.Slug, Plan.SampleSurvey).ExpectAsync(HttpStatusCode.OK);
        var process = await d.Coordinator.CompleteAsync(d.Slug, "diagnosis", Plan.EvidenceOf("diagnosis")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("done", process.Step("diagnosis").Str("status"));
    }

    private static async Task<string> CsvAsync(HttpClient client, string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync();
    }

    public static Task<string> SummaryCsvAsync(HttpClient coordinator) => CsvAsync(coordinator, "/api/diagnosis/summary");
}

/// <summary>On a fresh host, whose districts are only the seeded pilots.</summary>
public sealed class DiagnosisSeedTests
{
    [Fact]
    public async Task The_six_pilots_summaries_reproduce_districts_csv_byte_for_byte()
    {
        await using var host = new PropilasFactory(new HostSettings { FakeNow = PropilasFactory.DefaultNow });
        var coordinator = await host.LoginAsync("coordinator");

        var csv = await DiagnosisApiTests.SummaryCsvAsync(coordinator);

        Assert.Equal(await File.ReadAllTextAsync(ReportTables.File("districts.csv")), csv);
        var json = (await coordinator.GetAsync("/api/diagnosis/summary").ExpectAsync(HttpStatusCode.OK)).EnumerateArray().ToList();
        Assert.Equal(["miguel-iglesias", "utco", "san-juan", "llacanora", "lajas", "tacabamba"], json.Select(d => d.Str("slug")));
        Assert.All(json, d => Assert.Equal(d.GetProperty("summary").GetProperty("systemsTotal").GetInt32(), d.GetProperty("systems").GetArrayLength()));
    }
}
