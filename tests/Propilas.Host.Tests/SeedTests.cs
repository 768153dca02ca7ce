using Propilas.Tests;
using System.Globalization;

namespace Propilas.Host.Tests;

/// <summary>The six pilots as the reports leave them, seeded through the runtime on first start.</summary>
[Collection(SeededHostCollection.Name)]
public sealed class SeedTests(SeededHost host)
{
    private static readonly string[] Approved = ["utco", "lajas", "tacabamba"];
    private static readonly string[] WaitingForResolution = ["san-juan", "llacanora", "miguel-iglesias"];

    [Fact]
    public async Task The_six_pilots_are_listed_with_the_status_the_reports_leave_them_in()
    {
        var coordinator = await host.LoginAsync("coordinator");
        var districts = (await coordinator.GetAsync("/api/districts").ExpectAsync(HttpStatusCode.OK)).EnumerateArray()
            .ToDictionary(d => d.Str("slug"));

        foreach (var slug in Approved)
        {
            Assert.Equal("follow-up", districts[slug].Str("processStatus"));
            Assert.Null(districts[slug].OptionalStr("activeStage"));
        }
        foreach (var slug in WaitingForResolution)
        {
            Assert.Equal("planning", districts[slug].Str("processStatus"));
            Assert.Equal("institutional", districts[slug].Str("activeStage"));
        }
        Assert.Equal("Miguel Iglesias", districts["miguel-iglesias"].Str("name"));
        Assert.Equal("Celendín", districts["miguel-iglesias"].Str("province"));
        Assert.Equal("Cajamarca", districts["miguel-iglesias"].Str("department"));
    }

    [Theory]
    [InlineData("utco")]
    [InlineData("lajas")]
    [InlineData("tacabamba")]
    public async Task Utco_Lajas_and_Tacabamba_have_their_plan_approved_by_a_demo_council_resolution(string slug)
    {
        var coordinator = await host.LoginAsync("coordinator");
        var process = await coordinator.ProcessAsync(slug);

        Assert.Equal("completed", process.Str("status"));
        Assert.NotNull(process.OptionalStr("completedAt"));
        Assert.All(process.GetProperty("stages").EnumerateArray(), s => Assert.Equal("approved", s.Str("status")));
        Assert.All(process.GetProperty("stages").EnumerateArray().SelectMany(s => s.GetProperty("steps").EnumerateArray()),
            s => Assert.Contains(s.Str("status"), new[] { "done", "approved" }));
        var resolution = process.Step("council-resolution");
        Assert.Equal("approved", resolution.Str("status"));
        Assert.StartsWith("DEMO", resolution.GetProperty("evidence").Str("resolutionNumber"));
        Assert.Equal($"mayor.{slug}", resolution.GetProperty("outcome").Str("by"));
        Assert.True(process.Step("support-committee").GetProperty("evidence").GetProperty("members").GetArrayLength() > 0);

        // Seeded through the runtime: the history is a real audit trail, back-dated to the pilots' years.
        var history = await coordinator.HistoryAsync(slug);
        var closing = history.Single(e => e.Str("action") == "gate.approved" && e.Str("target") == "institutional");
        Assert.Equal($"mayor.{slug}", closing.Str("by"));
        Assert.Equal("mayor", closing.Str("role"));
        Assert.InRange(closing.GetProperty("at").GetDateTimeOffset().Year, 2004, 2006);
        Assert.Equal(Plan.Steps.Length, history.Count(e => e.Str("action") is "step.completed" or "step.approved"));
    }

    [Theory]
    [InlineData("san-juan")]
    [InlineData("llacanora")]
    [InlineData("miguel-iglesias")]
    public async Task San_Juan_Llacanora_and_Miguel_Iglesias_wait_for_the_council_resolution(string slug)
    {
        var mayor = await host.LoginAsync($"mayor.{slug}");
        var process = await mayor.ProcessAsync(slug);

        Assert.Equal("running", process.Str("status"));
        Assert.Equal("approved", process.Stage("preparatory").Str("status"));
        Assert.Equal("approved", process.Stage("design").Str("status"));
        var institutional = process.Stage("institutional");
        Assert.Equal("active", institutional.Str("status"));
        Assert.Equal("done", process.Step("support-committee").Str("status"));
        Assert.Equal("done", process.Step("commitments").Str("status"));
        var resolution = process.Step("council-resolution");
        Assert.Equal("ready", resolution.Str("status"));
        Assert.False(resolution.TryGetProperty("outcome", out _));
        Assert.False(resolution.TryGetProperty("evidence", out _));
        Assert.False(institutional.GetProperty("gate").GetProperty("canApprove").GetBoolean());
        Assert.Equal(["step:council-resolution"],
            institutional.GetProperty("gate").GetProperty("blockers").EnumerateArray().Select(b => b.Str("conditionId")));
    }

    [Fact]
    public async Task Baseline_figures_equal_the_report_table()
    {
        var csv = ReportTables.File("districts.csv");
        var lines = File.ReadAllLines(csv).Where(l => l.Length > 0).ToArray();
        var header = lines[0].Split(',');
        var coordinator = await host.LoginAsync("coordinator");
        var slugs = (await coordinator.GetAsync("/api/districts").ExpectAsync(HttpStatusCode.OK)).EnumerateArray()
            .ToDictionary(d => d.Str("name"), d => d.Str("slug"));

        Assert.Equal(6, lines.Length - 1);
        foreach (var line in lines.Skip(1))
        {
            var row = header.Zip(line.Split(',')).ToDictionary(p => p.First, p => p.Second);
            var district = await coordinator.GetAsync($"/api/districts/{slugs[row["district"]]}").ExpectAsync(HttpStatusCode.OK);
            Assert.Equal(row["province"], district.Str("province"));
            var baseline = district.GetProperty("baseline");
            Assert.Equal(2004, baseline.GetProperty("year").GetInt32());
            foreach (var column in header.Skip(2))
            {
                var property = CamelCase(column);
                int? actual = baseline.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : null;
                int? expected = row[column].Length == 0 ? null : int.Parse(row[column], CultureInfo.InvariantCulture);
                Assert.True(expected == actual, $"{row["district"]} {column}: csv {expected?.ToString() ?? "empty"}, api {actual?.ToString() ?? "none"}");
            }
        }
    }

    [Fact]
    public async Task Demo_accounts_of_every_pilot_sign_in_in_Development_and_see_only_their_district()
    {
        foreach (var slug in Approved.Concat(WaitingForResolution))
        foreach (var role in new[] { "mayor", "alderman" })
        {
            var client = await host.LoginAsync($"{role}.{slug}");
            var visible = (await client.GetAsync("/api/districts").ExpectAsync(HttpStatusCode.OK)).EnumerateArray().Select(d => d.Str("slug"));
            Assert.Equal([slug], visible);
        }
        var coordinator = await host.LoginAsync("coordinator");
        var all = (await coordinator.GetAsync("/api/districts").ExpectAsync(HttpStatusCode.OK)).EnumerateArray().Select(d => d.Str("slug")).ToList();
        Assert.Superset(Approved.Concat(WaitingForResolution).ToHashSet(), all.ToHashSet());
    }

    /// <summary>"water_coverage_pct" → "waterCoveragePct".</summary>
    private static string CamelCase(string column)
    {
        var parts = column.Split('_');
        return parts[0] + string.Concat(parts.Skip(1).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
    }
}
