using Microsoft.EntityFrameworkCore;

namespace Propilas.Host.Tests;

/// <summary>Stopping the host and starting a new one on the same database file and keys folder loses nothing.</summary>
public sealed class RestartTests
{
    [Fact]
    public async Task The_process_and_sign_ins_survive_a_restart()
    {
        string folder, coordinatorToken, mayorToken, slug;
        JsonNode processBefore, historyBefore, districtsBefore;
        int usersBefore;
        await using (var first = new PropilasFactory(new HostSettings { FakeNow = PropilasFactory.DefaultNow, KeepFolder = true }))
        {
            folder = first.Folder;
            var d = await TestDistrict.CreateAsync(first, "Sorochuco");
            slug = d.Slug;
            await d.CompleteStageAsync("preparatory");
            await d.Mayor.ApproveGateAsync(slug, "preparatory").ExpectAsync(HttpStatusCode.OK);
            await d.CompleteAsync("planning-workshop-1");
            await d.Mayor.PostAsJsonAsync($"{Api.ProcessUrl(slug)}/gates/design/reject", new { reason = "Falta el segundo taller." }).ExpectAsync(HttpStatusCode.OK);

            coordinatorToken = await first.TokenAsync("coordinator", PropilasFactory.DemoPassword);
            mayorToken = await first.TokenAsync(d.MayorName, TestDistrict.AccountPassword);
            processBefore = JsonNode.Parse((await d.ProcessAsync()).GetRawText())!;
            historyBefore = JsonNode.Parse((await d.Coordinator.GetAsync($"{Api.ProcessUrl(slug)}/history").ExpectAsync(HttpStatusCode.OK)).GetRawText())!;
            districtsBefore = JsonNode.Parse((await d.Coordinator.GetAsync("/api/districts").ExpectAsync(HttpStatusCode.OK)).GetRawText())!;
            usersBefore = await first.WithDbAsync(db => db.Users.CountAsync());
        }
        if (TestPostgres.DefaultProvider == "Sqlite") Assert.True(File.Exists(Path.Combine(folder, "propilas.db")));

        await using var second = new PropilasFactory(new HostSettings { FakeNow = PropilasFactory.DefaultNow, ExistingFolder = folder });
        // Tokens issued before the restart still work: the signing keys were kept (beside the database; in it on PostgreSQL).
        var coordinator = second.ClientWithToken(coordinatorToken);
        var mayor = second.ClientWithToken(mayorToken);

        var processAfter = JsonNode.Parse((await mayor.ProcessAsync(slug)).GetRawText());
        Assert.True(JsonNode.DeepEquals(processBefore, processAfter), $"before: {processBefore.ToJsonString()}\nafter: {processAfter!.ToJsonString()}");
        var historyAfter = JsonNode.Parse((await coordinator.GetAsync($"{Api.ProcessUrl(slug)}/history").ExpectAsync(HttpStatusCode.OK)).GetRawText());
        Assert.True(JsonNode.DeepEquals(historyBefore, historyAfter));
        var districtsAfter = JsonNode.Parse((await coordinator.GetAsync("/api/districts").ExpectAsync(HttpStatusCode.OK)).GetRawText());
        Assert.True(JsonNode.DeepEquals(districtsBefore, districtsAfter), "districts were re-seeded or changed");
        Assert.Equal(7, districtsAfter!.AsArray().Count);
        // No demo accounts appear on restart for a district registered through the API.
        Assert.Equal(usersBefore, await second.WithDbAsync(db => db.Users.CountAsync()));
        Assert.False(await second.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == $"mayor.{slug}" || u.UserName == $"alderman.{slug}")));

        // And the process carries on from where it was, with the version it had.
        var version = processBefore["version"]!.GetValue<int>();
        var next = await coordinator.CompleteAsync(slug, "planning-workshop-2", Plan.EvidenceOf("planning-workshop-2"), version).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(version + 1, next.Version());
        await mayor.ApproveGateAsync(slug, "design").ExpectAsync(HttpStatusCode.Conflict);
        // Each shipped definition version is published once, not again on restart.
        var shipped = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "workflows"), "*.json").Length;
        Assert.Equal(shipped, await second.WithDbAsync(db => db.WorkflowDefinitions.CountAsync()));
    }
}
