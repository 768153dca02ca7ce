namespace Propilas.Host.Tests.Participation;

/// <summary>The alderman's invitations through the API: who may read and write, what is refused and why.</summary>
[Collection(SeededHostCollection.Name)]
public sealed class InvitationApiTests(SeededHost host)
{
    private static string Url(string slug) => GateFacts.Url(slug, "invitations");

    [Fact]
    public async Task The_alderman_records_an_invitation_its_answer_and_attendance_and_each_change_is_audited()
    {
        var d = await TestDistrict.CreateAsync(host, TestDistrict.UniqueName("Cortegana"), recordGateFacts: false);

        var created = await d.Alderman.PostAsJsonAsync(Url(d.Slug), new
        {
            organisation = "  JASS La Tranca  ", sector = "community-organisation", communityOrganisationKind = "water-board",
            contact = "Presidenta del consejo directivo", @event = "planning-workshop-2", invitedOn = "2026-02-20",
        }).ExpectAsync(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt32();
        Assert.Equal("JASS La Tranca", created.Str("organisation"));
        Assert.Equal(("community-organisation", "water-board", "planning-workshop-2"),
            (created.Str("sector"), created.Str("communityOrganisationKind"), created.Str("event")));
        Assert.Equal("2026-02-20", created.Str("invitedOn"));
        Assert.Equal(d.AldermanName, created.Str("invitedBy"));
        Assert.Equal("pending", created.Str("answer"));
        Assert.Equal(1, created.Version());

        var answered = await d.Alderman.PostAsJsonAsync($"{Url(d.Slug)}/{id}/answer", new { answer = "accepted", answeredOn = "2026-02-24", expectedVersion = 1 })
            .ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(("accepted", "2026-02-24", 2), (answered.Str("answer"), answered.Str("answeredOn"), answered.Version()));
        var attended = await d.Coordinator.PostAsJsonAsync($"{Url(d.Slug)}/{id}/attendance", new { attended = true, expectedVersion = 2 })
            .ExpectAsync(HttpStatusCode.OK);
        Assert.True(attended.GetProperty("attended").GetBoolean());
        Assert.Equal(3, attended.Version());

        // The mayor reads them; so does the coordinator.
        var list = await d.Mayor.GetAsync(Url(d.Slug)).ExpectAsync(HttpStatusCode.OK);
        var only = Assert.Single(list.EnumerateArray());
        Assert.Equal(id, only.GetProperty("id").GetInt32());
        Assert.Equal(3, only.Version());

        var history = await d.Coordinator.HistoryAsync(d.Slug);
        Assert.Equal(
            [("invitation.recorded", d.AldermanName, "alderman", (string?)"pending"), ("invitation.answered", d.AldermanName, "alderman", "accepted"),
             ("invitation.attendance", "coordinator", "coordinator", "attended")],
            history.Where(e => e.Str("action").StartsWith("invitation.")).Select(e => (e.Str("action"), e.Str("by"), e.Str("role"), e.OptionalStr("after"))));
    }

    [Fact]
    public async Task The_missing_sectors_are_the_required_ones_not_yet_invited()
    {
        var d = await TestDistrict.CreateAsync(host, TestDistrict.UniqueName("Chugur"), recordGateFacts: false);
        async Task<IReadOnlyList<string?>> Missing() =>
            (await d.Alderman.GetAsync($"{Url(d.Slug)}/missing-sectors").ExpectAsync(HttpStatusCode.OK)).EnumerateArray().Select(e => e.GetString()).ToList();

        Assert.Equal(["health", "education", "local-authority", "water-board"], await Missing());
        await GateFacts.InviteAsync(d.Alderman, d.Slug, "Comité del Vaso de Leche", "community-organisation", "vaso-de-leche");
        await GateFacts.InviteAsync(d.Alderman, d.Slug, "Centro de Salud", "health");
        Assert.Equal(["education", "local-authority", "water-board"], await Missing());
        await GateFacts.InviteAsync(d.Alderman, d.Slug, "JASS Chugur", "community-organisation", "water-board");
        Assert.Equal(["education", "local-authority"], await Missing());
    }

    [Fact]
    public async Task A_bad_invitation_is_400_naming_each_field_and_records_nothing()
    {
        var d = await TestDistrict.CreateAsync(host, TestDistrict.UniqueName("Hualgayoc"), recordGateFacts: false);

        var problem = await d.Alderman.PostAsJsonAsync(Url(d.Slug), new { organisation = " ", sector = "church", @event = "fiesta", invitedOn = "15/01/2026" })
            .ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["event", "invitedOn", "organisation", "sector"], problem.ErrorKeys().Order());
        Assert.Contains("local-authority", problem.GetProperty("errors").GetProperty("sector")[0].GetString());

        var tomorrow = host.Today().AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        problem = await d.Alderman.PostAsJsonAsync(Url(d.Slug), new { organisation = "JASS", sector = "community-organisation", @event = "methodology-workshop", invitedOn = tomorrow })
            .ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["communityOrganisationKind", "invitedOn"], problem.ErrorKeys().Order()); // no kind; the day after today

        problem = await d.Alderman.PostAsJsonAsync(Url(d.Slug), new { organisation = "Posta", sector = "health", communityOrganisationKind = "water-board", @event = "planning-workshop-1", invitedOn = "2026-03-01" })
            .ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["communityOrganisationKind"], problem.ErrorKeys());

        var invitation = await GateFacts.InviteAsync(d.Alderman, d.Slug, "Posta", "health", invitedOn: "2026-02-10");
        var id = invitation.GetProperty("id").GetInt32();
        problem = await d.Alderman.PostAsJsonAsync($"{Url(d.Slug)}/{id}/answer", new { answer = "maybe" }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["answer"], problem.ErrorKeys());
        problem = await d.Alderman.PostAsJsonAsync($"{Url(d.Slug)}/{id}/answer", new { answer = "declined", answeredOn = "2026-02-01" }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["answeredOn"], problem.ErrorKeys());
        problem = await d.Alderman.PostAsJsonAsync($"{Url(d.Slug)}/{id}/attendance", new { }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["attended"], problem.ErrorKeys());

        var stored = Assert.Single((await d.Alderman.GetAsync(Url(d.Slug)).ExpectAsync(HttpStatusCode.OK)).EnumerateArray());
        Assert.Equal(("pending", 1), (stored.Str("answer"), stored.Version()));
    }

    [Fact]
    public async Task The_mayor_reads_but_may_not_record_and_another_districts_mayor_or_alderman_may_do_neither()
    {
        var d = await TestDistrict.CreateAsync(host, TestDistrict.UniqueName("Bambamarca"), recordGateFacts: false);
        var invitation = await GateFacts.InviteAsync(d.Alderman, d.Slug, "Posta", "health", invitedOn: "2026-02-10");
        var id = invitation.GetProperty("id").GetInt32();
        var valid = new { organisation = "UGEL", sector = "education", @event = "planning-workshop-1", invitedOn = "2026-02-10" };

        await d.Mayor.GetAsync(Url(d.Slug)).ExpectAsync(HttpStatusCode.OK);
        var problem = await d.Mayor.PostAsJsonAsync(Url(d.Slug), valid).ExpectAsync(HttpStatusCode.Forbidden);
        Assert.Contains("alderman", problem.Str("detail"));
        await d.Mayor.PostAsJsonAsync($"{Url(d.Slug)}/{id}/answer", new { answer = "accepted" }).ExpectAsync(HttpStatusCode.Forbidden);

        foreach (var outsider in new[] { await host.LoginAsync("mayor.utco"), await host.LoginAsync("alderman.utco") })
        {
            await outsider.GetAsync(Url(d.Slug)).ExpectAsync(HttpStatusCode.Forbidden);
            await outsider.GetAsync($"{Url(d.Slug)}/missing-sectors").ExpectAsync(HttpStatusCode.Forbidden);
            await outsider.PostAsJsonAsync(Url(d.Slug), valid).ExpectAsync(HttpStatusCode.Forbidden);
            await outsider.PostAsJsonAsync($"{Url(d.Slug)}/{id}/answer", new { answer = "accepted" }).ExpectAsync(HttpStatusCode.Forbidden);
            await outsider.PostAsJsonAsync($"{Url(d.Slug)}/{id}/attendance", new { attended = true }).ExpectAsync(HttpStatusCode.Forbidden);
        }
        Assert.Single((await d.Alderman.GetAsync(Url(d.Slug)).ExpectAsync(HttpStatusCode.OK)).EnumerateArray());
    }

    [Fact]
    public async Task An_unknown_district_or_invitation_is_404_and_another_districts_invitation_is_not_reachable()
    {
        var d = await TestDistrict.CreateAsync(host, TestDistrict.UniqueName("Querocoto"), recordGateFacts: false);
        await d.Coordinator.GetAsync(Url("no-such-district")).ExpectAsync(HttpStatusCode.NotFound);
        await d.Coordinator.PostAsJsonAsync(Url("NOT a slug"), new { }).ExpectAsync(HttpStatusCode.NotFound);
        await d.Alderman.PostAsJsonAsync($"{Url(d.Slug)}/999999/answer", new { answer = "accepted" }).ExpectAsync(HttpStatusCode.NotFound);

        var sanJuans = (await d.Coordinator.GetAsync(Url("san-juan")).ExpectAsync(HttpStatusCode.OK)).EnumerateArray().First();
        await d.Coordinator.PostAsJsonAsync($"{Url(d.Slug)}/{sanJuans.GetProperty("id").GetInt32()}/attendance", new { attended = false })
            .ExpectAsync(HttpStatusCode.NotFound);
        var after = (await d.Coordinator.GetAsync(Url("san-juan")).ExpectAsync(HttpStatusCode.OK)).EnumerateArray().First();
        Assert.Equal(sanJuans.Version(), after.Version());
    }

    [Fact]
    public async Task A_stale_expected_version_is_409_stale_and_the_later_answer_stands()
    {
        var d = await TestDistrict.CreateAsync(host, TestDistrict.UniqueName("Tongod"), recordGateFacts: false);
        var id = (await GateFacts.InviteAsync(d.Alderman, d.Slug, "Posta", "health", invitedOn: "2026-02-10")).GetProperty("id").GetInt32();
        await d.Coordinator.PostAsJsonAsync($"{Url(d.Slug)}/{id}/answer", new { answer = "declined", expectedVersion = 1 }).ExpectAsync(HttpStatusCode.OK);

        var problem = await d.Alderman.PostAsJsonAsync($"{Url(d.Slug)}/{id}/answer", new { answer = "accepted", expectedVersion = 1 })
            .ExpectAsync(HttpStatusCode.Conflict);
        Assert.Equal("stale", problem.Str("reason"));
        await d.Alderman.PostAsJsonAsync($"{Url(d.Slug)}/{id}/attendance", new { attended = true, expectedVersion = 1 }).ExpectAsync(HttpStatusCode.Conflict);

        var stored = Assert.Single((await d.Alderman.GetAsync(Url(d.Slug)).ExpectAsync(HttpStatusCode.OK)).EnumerateArray());
        Assert.Equal(("declined", 2), (stored.Str("answer"), stored.Version()));
        Assert.Equal(host.Today(), DateOnly.Parse(stored.Str("answeredOn"), System.Globalization.CultureInfo.InvariantCulture)); // today, when not given
    }
}
