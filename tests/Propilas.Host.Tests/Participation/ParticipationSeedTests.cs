using Propilas.Tests;
using System.Globalization;

namespace Propilas.Host.Tests.Participation;

/// <summary>The pilots' demo invitations, committee, plan and commitments: what their seeded gates were approved on.</summary>
[Collection(SeededHostCollection.Name)]
public sealed class ParticipationSeedTests(SeededHost host)
{
    [Theory]
    [InlineData("utco", 18, true)]
    [InlineData("lajas", 41, true)]
    [InlineData("tacabamba", 56, true)]
    [InlineData("san-juan", 27, false)]
    [InlineData("llacanora", 23, false)]
    [InlineData("miguel-iglesias", 25, false)]
    public async Task Each_pilot_has_what_its_gates_need(string slug, int invitationsSent, bool approved)
    {
        var alderman = await host.LoginAsync($"alderman.{slug}");
        string Url(string what) => GateFacts.Url(slug, what);

        var invitations = (await alderman.GetAsync(Url("invitations")).ExpectAsync(HttpStatusCode.OK)).EnumerateArray().ToList();
        Assert.Equal(invitationsSent, invitations.Count); // as many as the history's stakeholder-invitations step says were sent
        Assert.Equal(["community-organisation", "education", "health", "local-authority", "ngo"], invitations.Select(i => i.Str("sector")).Distinct().Order());
        Assert.All(invitations, i => Assert.NotEqual("pending", i.Str("answer")));
        Assert.All(invitations, i => Assert.EndsWith("(demo)", i.Str("contact")));
        Assert.Empty((await alderman.GetAsync(Url("invitations/missing-sectors")).ExpectAsync(HttpStatusCode.OK)).EnumerateArray());

        var committee = (await alderman.GetAsync(Url("committee")).ExpectAsync(HttpStatusCode.OK)).EnumerateArray().ToList();
        Assert.Contains(committee, m => m.Str("sector") == "health");
        Assert.Contains(committee, m => m.Str("sector") == "education");
        Assert.Contains(committee, m => m.OptionalStr("communityOrganisationKind") == "water-board");

        var goals = (await alderman.GetAsync(Url("plan/goals")).ExpectAsync(HttpStatusCode.OK)).EnumerateArray().ToList();
        Assert.Equal(["aom", "health-hygiene-education", "infrastructure", "municipal-community-management"], goals.Select(g => g.Str("keyIssue")).Distinct().Order());
        Assert.All(goals, g => Assert.Equal(JsonValueKind.Number, g.GetProperty("targetValue").ValueKind));
        Assert.All((await alderman.GetAsync(Url("plan/activities")).ExpectAsync(HttpStatusCode.OK)).EnumerateArray(),
            a => Assert.False(string.IsNullOrWhiteSpace(a.OptionalStr("owner"))));

        // The investment budget is the shared table's, and the municipality commits at least 10 % of it for 2006-2010.
        var name = (await alderman.GetAsync($"/api/districts/{slug}").ExpectAsync(HttpStatusCode.OK)).Str("name");
        var row = File.ReadAllLines(ReportTables.File("investment-inputs.csv")).Skip(1).Select(l => l.Split(',')).Single(c => c[0] == name);
        var share = await alderman.GetAsync(Url("investment-budget")).ExpectAsync(HttpStatusCode.OK);
        var budget = share.GetProperty("budget");
        Assert.Equal(decimal.Parse(row[1], CultureInfo.InvariantCulture), budget.GetProperty("totalBudget").GetDecimal());
        Assert.Equal(decimal.Parse(row[2], CultureInfo.InvariantCulture), budget.GetProperty("investmentBudget").GetDecimal());
        Assert.Equal(int.Parse(row[3], CultureInfo.InvariantCulture), budget.GetProperty("population").GetInt32());
        Assert.Equal([2006, 2007, 2008, 2009, 2010], share.GetProperty("years").EnumerateArray().Select(y => y.GetProperty("year").GetInt32()));
        Assert.True(share.GetProperty("met").GetBoolean());
        Assert.InRange(share.GetProperty("share").GetDecimal(), 0.10m, 0.11m);

        var municipal = (await alderman.GetAsync(Url("commitments")).ExpectAsync(HttpStatusCode.OK)).EnumerateArray()
            .Single(c => c.GetProperty("isMunicipality").GetBoolean());
        Assert.Equal(approved ? "fulfilled" : "pending", municipal.Str("status"));
        Assert.Contains("(demo)", municipal.Str("what"));
    }
}
