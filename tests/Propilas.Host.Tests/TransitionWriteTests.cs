using Microsoft.EntityFrameworkCore;

namespace Propilas.Host.Tests;

/// <summary>
/// The store writes a transition with statements of its own (a conditional UPDATE, one INSERT of its audit events), not
/// through SaveChanges: what it writes must read back through the model exactly as the transition made it.
/// </summary>
[Collection(SeededHostCollection.Name)]
public sealed class TransitionWriteTests(SeededHost host)
{
    [Fact]
    public async Task A_gate_approval_reads_back_through_the_model_with_its_audit_events()
    {
        var d = await TestDistrict.CreateAsync(host, TestDistrict.UniqueName("Asuncion"));
        await d.CompleteStageAsync("preparatory");
        host.Time!.Advance(TimeSpan.FromMinutes(7));
        var now = host.Time.GetUtcNow();

        var answer = await d.Mayor.ApproveGateAsync(d.Slug, "preparatory").ExpectAsync(HttpStatusCode.OK);

        var subject = $"district:{d.Slug}";
        var (record, events) = await host.WithDbAsync(async db => (
            await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.Subject == subject),
            await db.AuditEvents.AsNoTracking().Where(e => e.Subject == subject && e.At == now).ToListAsync()));
        Assert.Equal(("running", "design", answer.Version(), now, (DateTimeOffset?)null),
            (record.Status, record.ActiveStage, record.Version, record.UpdatedAt, record.CompletedAt));
        Assert.Contains("\"design\"", record.State);

        var approval = Assert.Single(events, e => e.Action == "gate.approved");
        Assert.Equal((record.Id, "preparatory", "mayor", (string?)null), (approval.InstanceId, approval.Target, approval.Role, approval.Reason));
        // The obligations the approval moved are audited by the system in the same INSERT, with no instance of their own.
        var moved = Assert.Single(events, e => e.Action == "obligations.updated");
        Assert.Equal(("system", (Guid?)null), (moved.By, moved.InstanceId));
        Assert.Contains("→", moved.After);
    }

    [Fact]
    public async Task A_completed_process_reads_back_with_its_completion_instant()
    {
        var d = await TestDistrict.CreateAsync(host, TestDistrict.UniqueName("Cospan"));
        foreach (var stage in new[] { "preparatory", "design", "institutional" })
        {
            await d.CompleteStageAsync(stage);
            await d.Mayor.ApproveGateAsync(d.Slug, stage).ExpectAsync(HttpStatusCode.OK);
        }

        var record = await host.WithDbAsync(db => db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.Subject == $"district:{d.Slug}"));
        Assert.Equal(("completed", (string?)null, host.Time!.GetUtcNow()), (record.Status, record.ActiveStage, record.CompletedAt));
        Assert.Equal("completed", (await d.ProcessAsync()).Str("status"));
    }
}
