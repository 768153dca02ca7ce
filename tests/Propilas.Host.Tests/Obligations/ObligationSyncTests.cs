using Microsoft.EntityFrameworkCore;
using Propilas.Host.Obligations;
using Propilas.Host.Tests.WaterBoards;

namespace Propilas.Host.Tests.Obligations;

/// <summary>Obligations planned in the transition's own transaction, as concurrent requests would write them.</summary>
public sealed class ObligationSyncTests(BoardHost host) : IClassFixture<BoardHost>
{
    [Fact]
    public async Task The_same_gate_approved_eight_times_at_once_moves_the_obligations_once()
    {
        var d = await TestDistrict.CreateAsync(host, TestDistrict.UniqueName("Bellavista"));
        await d.CompleteStageAsync("preparatory");

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => d.Mayor.ApproveGateAsync(d.Slug, "preparatory")));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.OK), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
        var districtId = await host.DistrictIdAsync(d.Slug);
        var obligations = await host.WithDbAsync(db => db.Set<Obligation>().Where(o => o.DistrictId == districtId).ToListAsync());
        Assert.Equal(18, obligations.Count);
        Assert.All(obligations.Where(o => o.Phase == Propilas.Rules.Obligations.ObligationPhase.Planning), o => Assert.Equal(2, o.Version));
        var history = await d.Coordinator.HistoryAsync(d.Slug);
        Assert.Single(history, e => e.Str("action") == "obligations.updated");
        Assert.Single(history, e => e.Str("action") == "gate.approved");
    }

    [Fact]
    public async Task A_write_that_fails_part_way_leaves_neither_the_transition_nor_its_obligations()
    {
        var d = await TestDistrict.CreateAsync(host, TestDistrict.UniqueName("Chetilla"));
        await d.CompleteStageAsync("preparatory");
        var districtId = await host.DistrictIdAsync(d.Slug);
        var before = await host.WithDbAsync(db => db.Set<Obligation>().Where(o => o.DistrictId == districtId).OrderBy(o => o.Key)
            .Select(o => new { o.Key, o.DueOn, o.Version }).ToListAsync());

        host.Fault.Arm();
        try
        {
            var failed = await d.Mayor.ApproveGateAsync(d.Slug, "preparatory");
            Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        }
        finally
        {
            host.Fault.Disarm();
        }

        Assert.Equal("active", (await d.ProcessAsync()).Stage("preparatory").Str("status"));
        var after = await host.WithDbAsync(db => db.Set<Obligation>().Where(o => o.DistrictId == districtId).OrderBy(o => o.Key)
            .Select(o => new { o.Key, o.DueOn, o.Version }).ToListAsync());
        Assert.Equal(before, after);
    }
}
