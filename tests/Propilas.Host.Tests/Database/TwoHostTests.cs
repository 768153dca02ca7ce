using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Propilas.Host.Alerts;

namespace Propilas.Host.Tests.Database;

/// <summary>
/// Two hosts on one PostgreSQL database, as behind a reverse proxy: a token one issued is accepted by the other (keys in
/// the database), a write sent to both at once takes effect once, and a recurring job runs once per schedule.
/// </summary>
public sealed class TwoHostTests : IAsyncLifetime
{
    private PropilasFactory _first = null!;
    private PropilasFactory _second = null!;

    public Task InitializeAsync() => StartAsync(new Dictionary<string, string>());

    private async Task StartAsync(IReadOnlyDictionary<string, string> configuration)
    {
        _first = new PropilasFactory(new HostSettings { Provider = "Postgres", SeedPilots = false, Configuration = configuration });
        _first.CreateClient().Dispose(); // migrates and seeds before the second starts
        _second = new PropilasFactory(new HostSettings
        {
            Provider = "Postgres", SeedPilots = false, PostgresDatabase = _first.PostgresDatabase, Configuration = configuration,
        });
        _second.CreateClient().Dispose();
        await Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _second.DisposeAsync();
        await _first.DisposeAsync();
    }

    [PostgresFact]
    public async Task Twenty_approvals_of_one_gate_split_across_two_hosts_give_one_success_and_one_audit_event()
    {
        TestDistrict d;
        try
        {
            d = await TestDistrict.CreateAsync(_first, TestDistrict.UniqueName("Dos Hosts"));
        }
        catch (Exception e)
        {
            throw new Exception(e.Message + "\n" + string.Join("\n", _first.Logs.Entries.Where(x => x.Level >= Microsoft.Extensions.Logging.LogLevel.Error).Select(x => x.Message)), e);
        }
        await d.CompleteStageAsync("preparatory");
        var mayorToken = await _first.TokenAsync(d.MayorName, TestDistrict.AccountPassword);
        using var onFirst = _first.ClientWithToken(mayorToken);
        using var onSecond = _second.ClientWithToken(mayorToken); // issued by the first host

        using var start = new SemaphoreSlim(0);
        var sends = Enumerable.Range(0, 20).Select(async i =>
        {
            await start.WaitAsync();
            using var response = await (i % 2 == 0 ? onFirst : onSecond).ApproveGateAsync(d.Slug, "preparatory");
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict,
                $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            return response.StatusCode;
        }).ToArray();
        start.Release(20);
        var statuses = await Task.WhenAll(sends);

        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(19, statuses.Count(s => s == HttpStatusCode.Conflict));
        Assert.Equal(1, await _second.WithDbAsync(db => db.AuditEvents.CountAsync(e =>
            e.Subject == $"district:{d.Slug}" && e.Action == "gate.approved" && e.Target == "preparatory")));
        Assert.Equal("approved", (await onSecond.ProcessAsync(d.Slug)).Stage("preparatory").Str("status"));
    }

    /// <summary>Both hosts run Hangfire's server on the shared storage; each occurrence of the schedule is run by one of them.</summary>
    [PostgresFact]
    public async Task The_recurring_alert_pass_runs_once_per_schedule_whichever_host_picks_it_up()
    {
        await DisposeAsync();
        await StartAsync(new Dictionary<string, string>
        {
            ["Alerts:Schedule"] = "*/10 * * * * *", ["Alerts:SchedulePollSeconds"] = "1", ["Alerts:QueuePollMilliseconds"] = "200",
        });
        var monitoring = _first.Services.GetRequiredService<JobStorage>().GetMonitoringApi();

        var waited = System.Diagnostics.Stopwatch.StartNew();
        List<DateTime> runs;
        do
        {
            await Task.Delay(TimeSpan.FromSeconds(2));
            runs = PassesRun(monitoring);
        } while (runs.Count < 3 && waited.Elapsed < TimeSpan.FromSeconds(90));

        Assert.True(runs.Count >= 3, $"{runs.Count} alert passes ran in {waited.Elapsed.TotalSeconds:0} s");
        // One run per ten-second occurrence: two hosts each running it would put two in one.
        Assert.All(runs.GroupBy(r => r.Ticks / TimeSpan.FromSeconds(10).Ticks), slot => Assert.Single(slot));
        var passesLogged = new[] { _first, _second }.Sum(h => h.Logs.Entries.Count(e => e.Category == typeof(AlertPassJob).FullName));
        Assert.True(passesLogged >= runs.Count, $"{passesLogged} passes logged, {runs.Count} recorded");
    }

    /// <summary>When each finished run of the alert pass was created (enqueued by a host's scheduler), from the shared storage.</summary>
    private static List<DateTime> PassesRun(Hangfire.Storage.IMonitoringApi monitoring) =>
        monitoring.SucceededJobs(0, 1000)
            .Where(j => j.Value.Job?.Type == typeof(AlertPassJob))
            .Select(j => monitoring.JobDetails(j.Key).CreatedAt!.Value)
            .ToList();
}
