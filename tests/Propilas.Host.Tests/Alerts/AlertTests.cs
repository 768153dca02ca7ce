using System.Net;
using System.Net.Http.Json;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Propilas.Host.Alerts;
using Propilas.Host.Tests.Infrastructure;

namespace Propilas.Host.Tests.Alerts;

/// <summary>The reconciler's life cycle of an alert, the alerts API, and a pass run by Hangfire, driven by a scripted source.</summary>
public sealed class AlertTests : IClassFixture<AlertTests.Host>
{
    public sealed class Host() : PropilasFactory(new HostSettings
    {
        FakeNow = DefaultNow,
        Services = s => s.AddSingleton(Source).AddSingleton<IAlertSource>(sp => sp.GetRequiredService<ScriptedAlertSource>()),
    })
    {
        public static readonly ScriptedAlertSource Source = new();
    }

    private readonly Host _host;

    public AlertTests(Host host) => _host = host;

    private Task<List<Alert>> AlertsAsync(string subject) =>
        _host.WithDbAsync(db => db.Alerts.AsNoTracking().Where(a => a.Subject == subject).OrderBy(a => a.Id).ToListAsync());

    private Task<List<string>> AuditActionsAsync(string subject) =>
        _host.WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.Target.EndsWith(" " + subject)).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());

    private async Task<AlertChanges> PassAsync()
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AlertReconciler>().RunAllAsync(CancellationToken.None);
    }

    [Fact]
    public async Task An_alert_is_raised_once_escalated_and_resolved_when_its_rule_stops_holding()
    {
        var district = await _host.DistrictIdAsync("lajas");
        const string subject = "water-board:lifecycle";
        Host.Source.Hold(ScriptedAlertSource.Candidate(district, subject));

        var first = await PassAsync();
        Assert.Equal(1, first.Raised);
        var again = await PassAsync();
        Assert.Equal(0, again.Total); // idempotent: the same facts change nothing
        var raised = Assert.Single(await AlertsAsync(subject));
        Assert.Equal(AlertStatus.Open, raised.Status);
        Assert.False(raised.Escalated);

        Host.Source.Hold(ScriptedAlertSource.Candidate(district, subject, escalated: true, severity: "critical"));
        Assert.Equal(1, (await PassAsync()).Escalated);
        var escalated = Assert.Single(await AlertsAsync(subject));
        Assert.True(escalated.Escalated);
        Assert.Equal("critical", escalated.Severity);
        Assert.Contains("mayor", escalated.NotifiedRoles);
        Assert.NotNull(escalated.EscalatedAt);

        Host.Source.Hold();
        Assert.Equal(1, (await PassAsync()).Resolved);
        var resolved = Assert.Single(await AlertsAsync(subject));
        Assert.Equal(AlertStatus.Resolved, resolved.Status);
        Assert.NotNull(resolved.ResolvedAt);

        // The rule holding again later is a new alert; the resolved one stays as history.
        Host.Source.Hold(ScriptedAlertSource.Candidate(district, subject));
        await PassAsync();
        var history = await AlertsAsync(subject);
        Assert.Equal(2, history.Count);
        Assert.Equal([AlertStatus.Resolved, AlertStatus.Open], history.Select(a => a.Status));
        Assert.Equal(["alert.raised", "alert.escalated", "alert.resolved", "alert.raised"], await AuditActionsAsync(subject));
        Host.Source.Hold();
        await PassAsync();
    }

    [Fact]
    public async Task The_api_lists_alerts_by_district_and_the_notified_person_acknowledges_once()
    {
        var district = await _host.DistrictIdAsync("utco");
        const string subject = "water-board:api";
        Host.Source.Hold(ScriptedAlertSource.Candidate(district, subject));
        await PassAsync();

        using var coordinator = await _host.LoginAsync("coordinator");
        using var alderman = await _host.LoginAsync("alderman.utco");
        using var mayor = await _host.LoginAsync("mayor.utco");
        using var otherMayor = await _host.LoginAsync("mayor.lajas");

        var listed = await coordinator.GetFromJsonAsync<List<AlertApi>>("/api/alerts?district=utco&rule=test.rule");
        var alert = Assert.Single(listed!, a => a.Subject == subject);
        Assert.Equal("utco", alert.District);
        Assert.Equal("warning", alert.Severity);
        Assert.Equal("open", alert.Status);
        Assert.Equal($"Rule test.rule for {subject}", alert.Message.En);

        Assert.DoesNotContain(await otherMayor.GetFromJsonAsync<List<AlertApi>>("/api/alerts") ?? [], a => a.Subject == subject);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherMayor.GetAsync("/api/alerts?district=utco")).StatusCode);
        Assert.Contains(await alderman.GetFromJsonAsync<List<AlertApi>>("/api/alerts?mine=true") ?? [], a => a.Subject == subject);
        Assert.DoesNotContain(await mayor.GetFromJsonAsync<List<AlertApi>>("/api/alerts?mine=true") ?? [], a => a.Subject == subject);

        var url = $"/api/alerts/{alert.Id}/acknowledge";
        Assert.Equal(HttpStatusCode.Forbidden, (await mayor.PostAsJsonAsync(url, new { })).StatusCode); // addressed to the alderman
        Assert.Equal(HttpStatusCode.Conflict, (await alderman.PostAsJsonAsync(url, new { expectedVersion = alert.Version + 1 })).StatusCode);
        var acknowledged = await (await alderman.PostAsJsonAsync(url, new { expectedVersion = alert.Version })).Content.ReadFromJsonAsync<AlertApi>();
        Assert.Equal("acknowledged", acknowledged!.Status);
        Assert.Equal("alderman.utco", acknowledged.AcknowledgedBy);
        Assert.Equal(HttpStatusCode.Conflict, (await alderman.PostAsJsonAsync(url, new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await alderman.PostAsJsonAsync("/api/alerts/999999/acknowledge", new { })).StatusCode);

        // Escalation widens the audience, so the acknowledged alert opens again.
        Host.Source.Hold(ScriptedAlertSource.Candidate(district, subject, escalated: true));
        await PassAsync();
        Assert.Equal(AlertStatus.Open, Assert.Single(await AlertsAsync(subject)).Status);
        Host.Source.Hold();
        await PassAsync();
    }

    [Fact]
    public async Task A_process_change_reevaluates_its_district_before_the_answer()
    {
        var district = await TestDistrict.CreateAsync(_host, TestDistrict.UniqueName("Alerta"));
        var id = await _host.DistrictIdAsync(district.Slug);
        Host.Source.Hold(ScriptedAlertSource.Candidate(id, "invitation:on-change", rule: "test.on-change"));

        var process = await district.Coordinator.CompleteAsync(district.Slug, "methodology", Plan.EvidenceOf("methodology")).ExpectAsync(HttpStatusCode.OK);
        var alerts = process.GetProperty("alerts").EnumerateArray().ToList();
        Assert.Contains(alerts, a => a.GetProperty("ruleId").GetString() == "test.on-change" && a.GetProperty("status").GetString() == "open");
        Host.Source.Hold();
        await PassAsync();
    }

    [Fact]
    public async Task A_transitions_answer_shows_the_alerts_as_its_reevaluation_left_them()
    {
        var district = await TestDistrict.CreateAsync(_host, TestDistrict.UniqueName("Respuesta"));
        var id = await _host.DistrictIdAsync(district.Slug);
        Host.Source.Hold(ScriptedAlertSource.Candidate(id, "answer:kept"), ScriptedAlertSource.Candidate(id, "answer:escalated"),
            ScriptedAlertSource.Candidate(id, "answer:resolved"));
        await PassAsync();
        try
        {
            // The change leaves one alert, escalates one, resolves one and raises one; the answer shows them without reading them again.
            Host.Source.Hold(ScriptedAlertSource.Candidate(id, "answer:kept"), ScriptedAlertSource.Candidate(id, "answer:escalated", escalated: true),
                ScriptedAlertSource.Candidate(id, "answer:raised"));
            var answer = await district.Coordinator.CompleteAsync(district.Slug, "methodology", Plan.EvidenceOf("methodology")).ExpectAsync(HttpStatusCode.OK);

            var alerts = answer.GetProperty("alerts").EnumerateArray().ToList();
            Assert.Equal(["answer:raised", "answer:escalated", "answer:kept"], alerts.Select(a => a.Str("subject")).Where(s => s.StartsWith("answer:")));
            var escalated = alerts.Single(a => a.Str("subject") == "answer:escalated");
            Assert.Equal(("open", true, 2), (escalated.Str("status"), escalated.GetProperty("escalated").GetBoolean(), escalated.Version()));
            // Exactly what a fresh read shows: ids, versions, messages, order.
            var fresh = await district.ProcessAsync();
            Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(System.Text.Json.Nodes.JsonNode.Parse(fresh.GetProperty("alerts").GetRawText()),
                System.Text.Json.Nodes.JsonNode.Parse(answer.GetProperty("alerts").GetRawText())));
        }
        finally
        {
            Host.Source.Hold();
            await PassAsync();
        }
    }

    [Fact]
    public async Task A_change_reevaluates_only_the_sources_that_read_what_it_changed()
    {
        var district = await TestDistrict.CreateAsync(_host, TestDistrict.UniqueName("Alcance"));
        var id = await _host.DistrictIdAsync(district.Slug);
        const string subject = "water-board:scoped";
        Host.Source.Hold(ScriptedAlertSource.Candidate(id, subject));
        await PassAsync();
        Host.Source.Watches = DistrictArea.WaterBoards;
        try
        {
            Host.Source.Hold(); // the board's rule no longer holds, but nothing the source reads has been told so
            var calls = Host.Source.Calls;

            var process = await district.Coordinator.CompleteAsync(district.Slug, "methodology", Plan.EvidenceOf("methodology")).ExpectAsync(HttpStatusCode.OK);

            Assert.Equal(calls, Host.Source.Calls);
            Assert.Contains(process.GetProperty("alerts").EnumerateArray(), a => a.GetProperty("subject").GetString() == subject);
            Assert.Equal(AlertStatus.Open, Assert.Single(await AlertsAsync(subject)).Status);

            await using var scope = _host.Services.CreateAsyncScope();
            var changes = await scope.ServiceProvider.GetRequiredService<DistrictChanges>().AfterChangeAsync(id, DistrictArea.WaterBoards, CancellationToken.None);

            Assert.Equal(1, changes.Resolved);
            Assert.Equal(calls + 1, Host.Source.Calls);
            Assert.Equal(AlertStatus.Resolved, Assert.Single(await AlertsAsync(subject)).Status);
        }
        finally
        {
            Host.Source.Watches = DistrictArea.All;
        }
    }

    [Fact]
    public async Task The_recurring_pass_runs_in_hangfire_and_raises_alerts()
    {
        var district = await _host.DistrictIdAsync("tacabamba");
        const string subject = "water-board:hangfire";
        Host.Source.Hold(ScriptedAlertSource.Candidate(district, subject));

        // Hangfire keeps one log provider for the whole process, pointing at the logger factory of the host that started
        // last; another test's host, started after this one and disposed since, would leave it on a disposed factory.
        GlobalConfiguration.Configuration.UseLogProvider(
            new Hangfire.AspNetCore.AspNetCoreLogProvider(_host.Services.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>()));
        _host.Services.GetRequiredService<IRecurringJobManager>().Trigger(AlertPassJob.RecurringId);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await AlertsAsync(subject)).Count == 0 && DateTime.UtcNow < deadline) await Task.Delay(200);

        var alert = Assert.Single(await AlertsAsync(subject));
        Assert.Equal(AlertStatus.Open, alert.Status);
        Host.Source.Hold();
        await PassAsync();
    }

    /// <summary>The ones that lose find it out in their writer's turn, not from the unique index: EF Core would log each such
    /// failed save as an error, thousands an hour when aldermen record invitations in a hurry.</summary>
    [Fact]
    public async Task Simultaneous_reevaluations_of_one_district_all_succeed_with_one_alert_and_no_error_logged()
    {
        var errorsBefore = _host.Logs.Entries.Count(e => e.Level >= LogLevel.Error);
        var district = await _host.DistrictIdAsync("llacanora");
        const string subject = "water-board:race";
        Host.Source.Hold(ScriptedAlertSource.Candidate(district, subject));
        const int racers = 4;
        Host.Source.Barrier = new Barrier(racers); // every re-evaluation has its findings before any saves

        try
        {
            var runs = Enumerable.Range(0, racers).Select(_ => Task.Run(async () =>
            {
                await using var scope = _host.Services.CreateAsyncScope();
                return await scope.ServiceProvider.GetRequiredService<AlertReconciler>().ReevaluateDistrictAsync(district, CancellationToken.None);
            })).ToList();
            var changes = await Task.WhenAll(runs);
            Assert.Equal(1, changes.Sum(c => c.Raised));
        }
        finally
        {
            Host.Source.Barrier = null;
        }
        Assert.Single(await AlertsAsync(subject));
        var errors = _host.Logs.Entries.Where(e => e.Level >= LogLevel.Error).Skip(errorsBefore).Select(e => $"{e.Category}: {e.Message}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Host.Source.Hold();
        await PassAsync();
    }

    /// <summary>A rule gone from the loaded files (its file missing, or the rule taken out) has not stopped holding: no source
    /// ran it, so its live alerts stay as they are, and the pass says so.</summary>
    [Fact]
    public async Task A_pass_leaves_the_live_alerts_of_a_rule_that_is_not_loaded_and_warns_naming_it()
    {
        var district = await _host.DistrictIdAsync("san-juan");
        const string rule = "water-board.not-loaded";
        var id = await _host.WithDbAsync(async db =>
        {
            var alert = new Alert
            {
                DistrictId = district, RuleId = rule, Subject = "water-board:not-loaded", Severity = "critical", Notifies = "atm", MessageEs = "No clora",
                MessageEn = "Not chlorinating", Status = AlertStatus.Open, RaisedAt = PropilasFactory.DefaultNow, Version = 1,
            };
            db.Alerts.Add(alert);
            await db.SaveChangesAsync();
            return alert.Id;
        });

        await PassAsync();
        await using (var scope = _host.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<AlertReconciler>().ReevaluateDistrictAsync(district, CancellationToken.None);

        var left = await _host.WithDbAsync(db => db.Alerts.AsNoTracking().SingleAsync(a => a.Id == id));
        Assert.Equal(AlertStatus.Open, left.Status);
        Assert.Null(left.ResolvedAt);
        Assert.Contains(_host.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains(rule));
        await _host.WithDbAsync(db => db.Alerts.Where(a => a.Id == id).ExecuteDeleteAsync());
    }

    private sealed record AlertApi(long Id, string District, string RuleId, string Subject, string Severity, string Status,
        Workflows.LocalizedText Message, string? AcknowledgedBy, int Version);
}

