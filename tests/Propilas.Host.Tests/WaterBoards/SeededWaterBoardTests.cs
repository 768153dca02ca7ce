using Propilas.Tests;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Propilas.Host.WaterBoards;

namespace Propilas.Host.Tests.WaterBoards;

/// <summary>The pilots' water boards, seeded from their diagnosis surveys.</summary>
[Collection(SeededHostCollection.Name)]
public sealed class SeededWaterBoardTests(SeededHost host)
{
    [Fact]
    public async Task Each_pilots_boards_add_up_to_its_systems_om_plans_and_chlorination_in_districts_csv()
    {
        var lines = File.ReadAllLines(ReportTables.File("districts.csv")).Where(l => l.Length > 0).ToArray();
        var header = lines[0].Split(',');
        var coordinator = await host.LoginAsync("coordinator");

        Assert.Equal(6, lines.Length - 1);
        foreach (var line in lines.Skip(1))
        {
            var row = header.Zip(line.Split(',')).ToDictionary(p => p.First, p => p.Second);
            var slug = Districts.DistrictSlug.FromName(row["district"]).Value;
            var list = await coordinator.GetAsync($"/api/districts/{slug}/water-boards").ExpectAsync(HttpStatusCode.OK);
            var boards = list.GetProperty("boards").EnumerateArray().ToList();

            Assert.Equal(Int(row, "systems_total"), boards.Count);
            Assert.Equal(Int(row, "systems_total"), list.GetProperty("total").GetInt32());
            Assert.Equal(Int(row, "systems_with_om_plan"), boards.Count(b => b.GetProperty("hasOmPlan").GetBoolean()));
            Assert.Equal(Int(row, "systems_with_om_plan"), list.GetProperty("withOmPlan").GetInt32());
            Assert.Equal(Int(row, "systems_chlorinating"), boards.Count(b => b.GetProperty("chlorinates").GetBoolean()));
            Assert.Equal(Int(row, "systems_chlorinating"), list.GetProperty("chlorinating").GetInt32());
        }
    }

    [Fact]
    public async Task The_boards_are_the_systems_of_the_diagnosis_survey_locality_by_locality()
    {
        var coordinator = await host.LoginAsync("coordinator");
        foreach (var slug in new[] { "san-juan", "llacanora", "miguel-iglesias", "utco", "lajas", "tacabamba" })
        {
            var survey = Propilas.Rules.Diagnosis.DiagnosisSurveyImporter.ImportFile(Path.Combine(AppContext.BaseDirectory, "Seed", "data", "diagnosis", $"{slug}.csv"));
            Assert.True(survey.Succeeded);
            var expected = survey.Survey.Localities.SelectMany(l => l.Systems.Select(s => (l.Name, s.Name, s.HasOmPlan, s.Chlorinates))).Order().ToList();

            var boards = (await coordinator.GetAsync($"/api/districts/{slug}/water-boards").ExpectAsync(HttpStatusCode.OK)).GetProperty("boards").EnumerateArray();
            var actual = boards.Select(b => (b.Str("locality"), b.Str("waterSystem"), b.GetProperty("hasOmPlan").GetBoolean(), b.GetProperty("chlorinates").GetBoolean()))
                .Order().ToList();
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public async Task Seeded_follow_up_varies_recent_old_and_missing_visits_and_a_few_boards_in_arrears()
    {
        var coordinator = await host.LoginAsync("coordinator");
        var boards = new List<JsonElement>();
        foreach (var slug in new[] { "san-juan", "llacanora", "miguel-iglesias", "utco", "lajas", "tacabamba" })
            boards.AddRange((await coordinator.GetAsync($"/api/districts/{slug}/water-boards").ExpectAsync(HttpStatusCode.OK)).GetProperty("boards").EnumerateArray());

        int? Days(JsonElement b) => b.TryGetProperty("daysSinceLastVisit", out var d) ? d.GetInt32() : null;
        Assert.Equal(206, boards.Count);
        Assert.Contains(boards, b => Days(b) < 90);
        Assert.Contains(boards, b => Days(b) is >= 90 and < 180);
        Assert.Contains(boards, b => Days(b) >= 180);
        Assert.Contains(boards, b => Days(b) is null);
        var inArrears = boards.Count(b => b.GetProperty("installmentsOverdue").GetInt32() >= 3);
        Assert.InRange(inArrears, 1, boards.Count / 5);
        Assert.Contains(boards, b => b.GetProperty("alerts").EnumerateArray().Any(a => a.Str("ruleId") == "water-board.loan-arrears"));
        Assert.Contains(boards, b => !b.GetProperty("alerts").EnumerateArray().Any());
    }

    [Fact]
    public async Task Seeding_is_deterministic()
    {
        await using var again = new SeededHost();
        // The six pilots' boards: other tests of the shared host add boards to districts of their own.
        static Task<List<string>> Facts(PropilasFactory h) => h.WithDbAsync(db => db.Set<WaterBoard>().AsNoTracking()
            .Where(b => db.Districts.OrderBy(d => d.Id).Take(6).Select(d => d.Id).Contains(b.DistrictId)).OrderBy(b => b.Id)
            .Select(b => $"{b.DistrictId}|{b.Name}|{b.LegallyConstituted}|{b.AomTrained}|{b.LastTariffReviewOn}|{b.LoanInstallmentsDue}|{b.LoanInstallmentsPaid}|{b.AnnualTariffRevenue}")
            .ToListAsync());

        Assert.Equal(await Facts(host), await Facts(again));
    }

    [Theory]
    [InlineData("atm")]
    [InlineData("health-post")]
    public async Task The_pilots_technical_area_and_health_post_sign_in_and_see_only_their_district(string role)
    {
        foreach (var slug in new[] { "san-juan", "utco" })
        {
            var client = await host.LoginAsync($"{role}.{slug}");
            Assert.Equal([slug], (await client.GetAsync("/api/districts").ExpectAsync(HttpStatusCode.OK)).EnumerateArray().Select(d => d.Str("slug")));
            await client.GetAsync($"/api/districts/{slug}/water-boards").ExpectAsync(HttpStatusCode.OK);
            await client.GetAsync($"/api/districts/{(slug == "utco" ? "lajas" : "utco")}/water-boards").ExpectAsync(HttpStatusCode.Forbidden);
        }
    }

    private static int Int(Dictionary<string, string> row, string column) => int.Parse(row[column], CultureInfo.InvariantCulture);
}
