using Microsoft.EntityFrameworkCore;
using Propilas.Host.Process;

namespace Propilas.Host.Tests;

/// <summary>
/// A request that dies part-way through its transaction (here: the database fails the audit insert, after the state
/// UPDATE has run) leaves the whole transition or none of it.
/// </summary>
[Collection(SeededHostCollection.Name)]
public sealed class AtomicityTests(SeededHost host)
{
    [Fact]
    public async Task A_step_completion_that_fails_while_writing_its_audit_event_leaves_no_trace()
    {
        var d = await TestDistrict.CreateAsync(host, TestDistrict.UniqueName("Huacapampa"));
        var (record, audits) = await Snapshot(d.Slug);

        await WithFault(() => d.Coordinator.CompleteAsync(d.Slug, "methodology", Plan.EvidenceOf("methodology")));

        await AssertUnchanged(d.Slug, record, audits);
        Assert.Equal("ready", (await d.ProcessAsync()).Step("methodology").Str("status"));

        // Without the fault the same transition goes through, once.
        var process = await d.Coordinator.CompleteAsync(d.Slug, "methodology", Plan.EvidenceOf("methodology"), record.Version).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(record.Version + 1, process.Version());
        Assert.Equal(audits + 1, (await Snapshot(d.Slug)).Audits);
    }

    [Fact]
    public async Task A_gate_approval_that_fails_while_writing_its_audit_event_leaves_the_stage_open()
    {
        var d = await TestDistrict.CreateAsync(host, TestDistrict.UniqueName("Chancay"));
        await d.CompleteStageAsync("preparatory");
        var (record, audits) = await Snapshot(d.Slug);

        await WithFault(() => d.Mayor.ApproveGateAsync(d.Slug, "preparatory"));

        await AssertUnchanged(d.Slug, record, audits);
        var process = await d.ProcessAsync();
        Assert.Equal("active", process.Stage("preparatory").Str("status"));
        Assert.Equal("pending", process.Stage("design").Str("status"));

        process = await d.Mayor.ApproveGateAsync(d.Slug, "preparatory").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("active", process.Stage("design").Str("status"));
        Assert.Equal(record.Version + 1, process.Version());
    }

    [Fact]
    public async Task A_district_registration_that_fails_part_way_leaves_neither_district_nor_process()
    {
        var coordinator = await host.LoginAsync("coordinator");
        var name = TestDistrict.UniqueName("Miguel Grau");
        var slug = name.ToLowerInvariant().Replace(' ', '-');

        await WithFault(() => coordinator.PostAsJsonAsync("/api/districts", new { name, province = "Cajamarca" }));

        await coordinator.GetAsync($"/api/districts/{slug}").ExpectAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, await host.WithDbAsync(db => db.WorkflowInstances.CountAsync(i => i.Subject == $"district:{slug}")));
        Assert.Equal(0, await host.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Subject == $"district:{slug}")));

        await coordinator.PostAsJsonAsync("/api/districts", new { name, province = "Cajamarca" }).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal(1, (await coordinator.ProcessAsync(slug)).Version());
    }

    private async Task WithFault(Func<Task<HttpResponseMessage>> request)
    {
        var fired = host.Fault.Fired;
        host.Time!.Advance(TimeSpan.FromMinutes(1)); // so a half-written transition would show in UpdatedAt too
        await host.Fault.DuringAsync(request).ExpectAsync(HttpStatusCode.InternalServerError);
        Assert.Equal(fired + 1, host.Fault.Fired);
    }

    private Task<(WorkflowInstanceRecord Record, int Audits)> Snapshot(string slug) => host.WithDbAsync(async db =>
        (await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.Subject == $"district:{slug}"),
         await db.AuditEvents.CountAsync(e => e.Subject == $"district:{slug}")));

    private async Task AssertUnchanged(string slug, WorkflowInstanceRecord before, int auditsBefore)
    {
        var (after, audits) = await Snapshot(slug);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.State, after.State);
        Assert.Equal(before.Status, after.Status);
        Assert.Equal(before.ActiveStage, after.ActiveStage);
        Assert.Equal(before.UpdatedAt, after.UpdatedAt);
        Assert.Equal(auditsBefore, audits);
    }
}
