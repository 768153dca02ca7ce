using Microsoft.EntityFrameworkCore;

namespace Propilas.Host.Tests;

/// <summary>The same write sent several times at once takes effect exactly once; the others are conflicts.</summary>
[Collection(SeededHostCollection.Name)]
public sealed class ConcurrencyTests(SeededHost host)
{
    private const int N = 8;

    [Fact]
    public async Task The_same_gate_approval_sent_eight_times_at_once_takes_effect_once()
    {
        var d = await TestDistrict.CreateAsync(host, TestDistrict.UniqueName("Sendamal"));
        await d.CompleteStageAsync("preparatory");
        var before = (await d.ProcessAsync()).Version();

        var statuses = await AllAtOnce(() => d.Mayor.ApproveGateAsync(d.Slug, "preparatory"));

        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(N - 1, statuses.Count(s => s == HttpStatusCode.Conflict));
        var process = await d.ProcessAsync();
        Assert.Equal(before + 1, process.Version());
        Assert.Equal("approved", process.Stage("preparatory").Str("status"));
        Assert.Equal("active", process.Stage("design").Str("status"));
        Assert.Single(await d.Coordinator.HistoryAsync(d.Slug), e => e.Str("action") == "gate.approved" && e.Str("target") == "preparatory");
        Assert.Equal(1, await AuditCount(d.Slug, "gate.approved", "preparatory"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_same_step_completion_sent_eight_times_at_once_takes_effect_once(bool withExpectedVersion)
    {
        var d = await TestDistrict.CreateAsync(host, TestDistrict.UniqueName("Sitacocha"));
        var before = (await d.ProcessAsync()).Version();

        // Each sends different evidence, so it is visible which one won and that no other overwrote it.
        var attempt = 0;
        var statuses = await AllAtOnce(() =>
        {
            var n = Interlocked.Increment(ref attempt);
            return d.Coordinator.CompleteAsync(d.Slug, "methodology", new { workshopsHeld = n, workshopDates = new[] { "2026-01-12" } },
                withExpectedVersion ? before : null);
        });

        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(N - 1, statuses.Count(s => s == HttpStatusCode.Conflict));
        var process = await d.ProcessAsync();
        Assert.Equal(before + 1, process.Version());
        var events = (await d.Coordinator.HistoryAsync(d.Slug)).Where(e => e.Str("target") == "methodology").ToList();
        var only = Assert.Single(events);
        Assert.Equal(only.GetProperty("evidence").GetProperty("workshopsHeld").GetInt32(),
            process.Step("methodology").GetProperty("evidence").GetProperty("workshopsHeld").GetInt32());
        Assert.Equal(1, await AuditCount(d.Slug, "step.completed", "methodology"));
    }

    [Fact]
    public async Task Different_steps_completed_at_once_all_take_effect_without_losing_each_other()
    {
        var d = await TestDistrict.CreateAsync(host, TestDistrict.UniqueName("Cupisoque"));
        await d.Coordinator.EnsureDiagnosisAsync(d.Slug); // the diagnosis step's condition
        var before = (await d.ProcessAsync()).Version();

        // Two independent steps at once, each retried on a conflict: both must end up done (no lost update).
        async Task<HttpStatusCode> Complete(string step)
        {
            for (var attempt = 0; ; attempt++)
            {
                using var r = await d.Coordinator.CompleteAsync(d.Slug, step, Plan.EvidenceOf(step));
                if (r.StatusCode != HttpStatusCode.Conflict || attempt == 20) return r.StatusCode;
            }
        }
        var results = await Task.WhenAll(Complete("methodology"), Complete("diagnosis"), Complete("induction"));

        Assert.All(results, s => Assert.Equal(HttpStatusCode.OK, s));
        var process = await d.ProcessAsync();
        Assert.Equal(before + 3, process.Version());
        Assert.All(new[] { "methodology", "diagnosis", "induction" }, s => Assert.Equal("done", process.Step(s).Str("status")));
    }

    [Fact]
    public async Task The_same_district_registered_eight_times_at_once_is_created_once()
    {
        var coordinator = await host.LoginAsync("coordinator");
        var name = TestDistrict.UniqueName("Chadin");

        var statuses = await AllAtOnce(() => coordinator.PostAsJsonAsync("/api/districts", new { name, province = "Chota" }), HttpStatusCode.Created);

        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(N - 1, statuses.Count(s => s == HttpStatusCode.Conflict));
        var slug = name.ToLowerInvariant().Replace(' ', '-');
        Assert.Equal(1, await host.WithDbAsync(db => db.WorkflowInstances.CountAsync(i => i.Subject == $"district:{slug}")));
        Assert.Equal(1, await AuditCount(slug, "district.registered", slug));
    }

    [Fact]
    public async Task The_same_account_created_eight_times_at_once_is_created_once()
    {
        var coordinator = await host.LoginAsync("coordinator");
        var userName = $"tesorero.{Guid.NewGuid():N}";

        var statuses = await AllAtOnce(() => coordinator.PostAsJsonAsync("/api/districts/lajas/accounts",
            new { userName, role = "alderman", password = TestDistrict.AccountPassword }), HttpStatusCode.Created);

        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(N - 1, statuses.Count(s => s == HttpStatusCode.Conflict));
        Assert.Equal(1, await AuditCount("lajas", "account.created", userName));
        await host.LoginAsync(userName, TestDistrict.AccountPassword);
    }

    private static async Task<HttpStatusCode[]> AllAtOnce(Func<Task<HttpResponseMessage>> send, HttpStatusCode success = HttpStatusCode.OK)
    {
        using var start = new SemaphoreSlim(0);
        var tasks = Enumerable.Range(0, N).Select(async _ =>
        {
            await start.WaitAsync();
            using var response = await send();
            Assert.True(response.StatusCode == success || response.StatusCode == HttpStatusCode.Conflict,
                $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            return response.StatusCode;
        }).ToArray();
        start.Release(N);
        return await Task.WhenAll(tasks);
    }

    private Task<int> AuditCount(string slug, string action, string target) =>
        host.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Subject == $"district:{slug}" && e.Action == action && e.Target == target));
}
