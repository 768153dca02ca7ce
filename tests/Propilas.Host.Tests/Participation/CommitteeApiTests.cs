namespace Propilas.Host.Tests.Participation;

/// <summary>The support committee through the API.</summary>
[Collection(SeededHostCollection.Name)]
public sealed class CommitteeApiTests(SeededHost host)
{
    private static string Url(string slug) => GateFacts.Url(slug, "committee");

    [Fact]
    public async Task Members_are_added_listed_and_removed_with_the_version_seen()
    {
        var d = await TestDistrict.CreateAsync(host, TestDistrict.UniqueName("Sorochuco"), recordGateFacts: false);
        var member = await d.Alderman.PostAsJsonAsync(Url(d.Slug), new
        {
            name = "Rosa Huamán", organisation = "JASS El Tambo", sector = "community-organisation", communityOrganisationKind = "water-board",
            role = "vocal",
        }).ExpectAsync(HttpStatusCode.Created);
        var id = member.GetProperty("id").GetInt32();
        await GateFacts.AddMemberAsync(d.Coordinator, d.Slug, "Técnico sanitario", "health");

        var list = (await d.Mayor.GetAsync(Url(d.Slug)).ExpectAsync(HttpStatusCode.OK)).EnumerateArray().ToList();
        Assert.Equal(["Rosa Huamán", "Técnico sanitario"], list.Select(m => m.Str("name")));
        Assert.Equal(("community-organisation", "water-board", "vocal"), (list[0].Str("sector"), list[0].Str("communityOrganisationKind"), list[0].Str("role")));

        var problem = await d.Alderman.DeleteAsync($"{Url(d.Slug)}/{id}?expectedVersion=2").ExpectAsync(HttpStatusCode.Conflict);
        Assert.Equal("stale", problem.Str("reason"));
        await d.Mayor.DeleteAsync($"{Url(d.Slug)}/{id}?expectedVersion=1").ExpectAsync(HttpStatusCode.Forbidden);
        await d.Alderman.DeleteAsync($"{Url(d.Slug)}/{id}?expectedVersion=1").ExpectAsync(HttpStatusCode.OK);
        await d.Alderman.DeleteAsync($"{Url(d.Slug)}/{id}").ExpectAsync(HttpStatusCode.NotFound);

        Assert.Equal(["Técnico sanitario"], (await d.Alderman.GetAsync(Url(d.Slug)).ExpectAsync(HttpStatusCode.OK)).EnumerateArray().Select(m => m.Str("name")));
        Assert.Equal(["committee.member-added", "committee.member-added", "committee.member-removed"],
            (await d.Coordinator.HistoryAsync(d.Slug)).Select(e => e.Str("action")).Where(a => a.StartsWith("committee.")));
    }

    [Fact]
    public async Task A_bad_member_is_400_naming_the_field_and_outsiders_are_403()
    {
        var d = await TestDistrict.CreateAsync(host, TestDistrict.UniqueName("Celendin"), recordGateFacts: false);
        var problem = await d.Alderman.PostAsJsonAsync(Url(d.Slug), new { name = "Ana", organisation = "", sector = "education", communityOrganisationKind = "other" })
            .ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["communityOrganisationKind", "organisation", "role"], problem.ErrorKeys().Order());

        var valid = new { name = "Ana", organisation = "I.E. 82001", sector = "education", role = "vocal" };
        foreach (var outsider in new[] { await host.LoginAsync("mayor.tacabamba"), await host.LoginAsync("alderman.tacabamba") })
        {
            await outsider.GetAsync(Url(d.Slug)).ExpectAsync(HttpStatusCode.Forbidden);
            await outsider.PostAsJsonAsync(Url(d.Slug), valid).ExpectAsync(HttpStatusCode.Forbidden);
        }
        await d.Coordinator.GetAsync(Url("no-such-district")).ExpectAsync(HttpStatusCode.NotFound);
        Assert.Empty((await d.Alderman.GetAsync(Url(d.Slug)).ExpectAsync(HttpStatusCode.OK)).EnumerateArray());
    }
}
