using Microsoft.EntityFrameworkCore;
using Propilas.Host.Obligations;
using Propilas.Host.Tests.WaterBoards;
using Propilas.Rules.Obligations;

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
        Assert.All(obligations.Where(o => o.Phase == ObligationPhase.Planning), o => Assert.Equal(2, o.Version));
        var history = await d.Coordinator.HistoryAsync(d.Slug);
        Assert.Single(history, e => e.Str("action") == "obligations.updated");
        Assert.Single(history, e => e.Str("action") == "gate.approved");
    }

    // The audit insert fails before the obligations are written; their own UPDATE fails after the approval is written.
    [Theory]
    [InlineData("INSERT INTO \"AuditEvents\"")]
    [InlineData("UPDATE \"Obligations\"")]
    public async Task A_write_that_fails_part_way_leaves_neither_the_approval_nor_its_obligations(string failingStatement)
    {
        var d = await TestDistrict.CreateAsync(host, TestDistrict.UniqueName("Chetilla"));
        await d.CompleteStageAsync("preparatory");
        var districtId = await host.DistrictIdAsync(d.Slug);
        var before = await ObligationsAsync(districtId);
        var version = (await d.ProcessAsync()).Version();

        var failed = await host.Fault.DuringAsync(() => d.Mayor.ApproveGateAsync(d.Slug, "preparatory"), failingStatement);
        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);

        var process = await d.ProcessAsync();
        Assert.Equal("active", process.Stage("preparatory").Str("status"));
        Assert.Equal(version, process.Version());
        Assert.Equal(before, await ObligationsAsync(districtId));
        Assert.DoesNotContain(await d.Coordinator.HistoryAsync(d.Slug), e => e.Str("action") is "gate.approved" or "obligations.updated");
    }

    [Fact]
    public async Task An_obligation_fulfilled_after_the_approval_read_them_makes_it_a_conflict_and_moves_none()
    {
        var d = await TestDistrict.CreateAsync(host, TestDistrict.UniqueName("Encanada"));
        await d.CompleteStageAsync("preparatory");
        var districtId = await host.DistrictIdAsync(d.Slug);
        // Between the approval's read of the obligations and its transaction, someone fulfils one that was to move: a
        // writer of another process, which this process's writer queue (whose turn the approval holds) does not order.
        host.BeforeTransaction.Once(() => host.WithDbAsync(async db =>
        {
            await using var otherProcess = await db.Database.BeginTransactionAsync();
            var obligation = await db.Set<Obligation>()
                .FirstAsync(o => o.DistrictId == districtId && o.Phase == ObligationPhase.Planning && o.FulfilledOn == null);
            obligation.FulfilledOn = DateOnly.FromDateTime(PropilasFactory.DefaultNow.UtcDateTime);
            obligation.FulfilledBy = "alderman";
            obligation.Version++;
            var saved = await db.SaveChangesAsync();
            await otherProcess.CommitAsync();
            return saved;
        }));
        var before = await ObligationsAsync(districtId);

        var answer = await d.Mayor.ApproveGateAsync(d.Slug, "preparatory");

        Assert.Equal(HttpStatusCode.Conflict, answer.StatusCode);
        Assert.Equal("active", (await d.ProcessAsync()).Stage("preparatory").Str("status"));
        var after = await ObligationsAsync(districtId);
        var fulfilled = Assert.Single(after, o => o.FulfilledOn is not null);
        Assert.Equal(before.Where(o => o.Key != fulfilled.Key), after.Where(o => o.Key != fulfilled.Key));
        // Tried again, it succeeds and moves the ones still open.
        Assert.Equal(HttpStatusCode.OK, (await d.Mayor.ApproveGateAsync(d.Slug, "preparatory")).StatusCode);
        var moved = await ObligationsAsync(districtId);
        Assert.All(moved.Where(o => o.Phase == ObligationPhase.Planning && o.FulfilledOn is null), o => Assert.Equal(2, o.Version));
        Assert.Equal(fulfilled, Assert.Single(moved, o => o.Key == fulfilled.Key));
    }

    [Fact]
    public async Task An_obligation_whose_matrix_text_changed_gets_the_new_text_with_its_new_date()
    {
        var d = await TestDistrict.CreateAsync(host, TestDistrict.UniqueName("Namora"));
        await d.CompleteStageAsync("preparatory");
        var districtId = await host.DistrictIdAsync(d.Slug);
        // As if the row was planned from an older matrix whose wording has since been edited.
        var (key, matrixText) = await host.WithDbAsync(async db =>
        {
            var obligation = await db.Set<Obligation>().OrderBy(o => o.Key)
                .FirstAsync(o => o.DistrictId == districtId && o.Phase == ObligationPhase.Planning);
            var text = obligation.TextEs;
            obligation.TextEs = "Texto de una versión anterior de la matriz";
            await db.SaveChangesAsync();
            return (obligation.Key, text);
        });

        Assert.Equal(HttpStatusCode.OK, (await d.Mayor.ApproveGateAsync(d.Slug, "preparatory")).StatusCode);

        var planning = await host.WithDbAsync(db => db.Set<Obligation>()
            .Where(o => o.DistrictId == districtId && o.Phase == ObligationPhase.Planning).ToListAsync());
        var rewritten = Assert.Single(planning, o => o.Key == key);
        Assert.Equal(matrixText, rewritten.TextEs);
        Assert.Single(planning.Select(o => o.DueOn).Distinct()); // it moved with the others of its phase
        Assert.All(planning, o => Assert.Equal(2, o.Version));
        var updated = Assert.Single(await d.Coordinator.HistoryAsync(d.Slug), e => e.Str("action") == "obligations.updated");
        Assert.Contains(key, updated.Str("after"));
    }

    private sealed record ObligationRow(string Key, ObligationPhase Phase, DateOnly DueOn, DateOnly? FulfilledOn, int Version);

    private Task<List<ObligationRow>> ObligationsAsync(int districtId) => host.WithDbAsync(db => db.Set<Obligation>()
        .Where(o => o.DistrictId == districtId).OrderBy(o => o.Key)
        .Select(o => new ObligationRow(o.Key, o.Phase, o.DueOn, o.FulfilledOn, o.Version)).ToListAsync());
}
