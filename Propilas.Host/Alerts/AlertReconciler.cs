using System.Diagnostics;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Propilas.Host.Common;
using Propilas.Host.Database;

namespace Propilas.Host.Alerts;

public sealed record AlertChanges(int Raised, int Escalated, int Resolved, int Updated)
{
    public int Total => Raised + Escalated + Resolved + Updated;

    /// <summary>When one district was re-evaluated: its live alerts as the re-evaluation left them, newest first (an answer
    /// that shows them need not read them again); otherwise null.</summary>
    public IReadOnlyList<Alert>? Live { get; init; }
}

/// <summary>
/// Runs every alert source over some districts and brings their alerts in line, in one transaction:
/// a new holding rule raises an alert, a stronger one escalates it, a cleared one resolves it. Running it
/// twice changes nothing the second time, so the scheduled pass can be retried freely.
/// </summary>
public sealed class AlertReconciler(
    PropilasDb db, IEnumerable<IAlertSource> sources, IServiceScopeFactory scopes, TimeProvider time, ILogger<AlertReconciler> log)
{
    public const string System = "system";

    public Task<AlertChanges> ReevaluateDistrictAsync(int districtId, CancellationToken ct) => ReevaluateDistrictAsync(districtId, DistrictArea.All, ct);

    /// <summary>Only the sources that read what changed: their alerts alone are compared, the others stay as they are.</summary>
    public Task<AlertChanges> ReevaluateDistrictAsync(int districtId, DistrictArea changed, CancellationToken ct)
    {
        var affected = sources.Where(s => (s.Watches & changed) != 0).ToList();
        if (affected.Count == 0) return Task.FromResult(new AlertChanges(0, 0, 0, 0));
        return RunAsync([districtId], affected.Count == sources.Count() ? null : affected, ct);
    }

    public Task<AlertChanges> RunAllAsync(CancellationToken ct) => RunAsync(null, null, ct);

    /// <summary>What a comparison needs of a live alert: no messages, which a full pass would otherwise read by the hundred thousand.</summary>
    private sealed record Live(long Id, int DistrictId, string RuleId, string Subject, string Severity, bool Escalated, string? Fingerprint,
        AlertStatus Status, int Version);

    private const int Attempts = 4;

    /// <summary>
    /// Two changes to one district at once both re-evaluate it. Before it writes, a district's re-evaluation checks in its
    /// writer's turn that the district's live alerts are still those it compared against; when another has changed them
    /// it runs again on what is now stored. A full pass, and a re-evaluation by another process, learn it from the
    /// database (unique index, version) and run again the same way.
    /// </summary>
    /// <param name="only">Some of the sources (null: all).</param>
    private async Task<AlertChanges> RunAsync(IReadOnlyCollection<int>? districtIds, IReadOnlyList<IAlertSource>? only, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (await RunOnceAsync(districtIds, only, checkLive: attempt < Attempts, ct) is { } changes) return changes;
                log.LogDebug("Alert re-evaluation of district {District} found its alerts changed by another; trying again ({Attempt}).",
                    districtIds!.First(), attempt);
            }
            catch (DbUpdateException e) when (attempt < Attempts)
            {
                log.LogDebug(e, "Alert re-evaluation raced another; trying again ({Attempt}).", attempt);
            }
            foreach (var entry in db.ChangeTracker.Entries().Where(x => x.Entity is Alert or AuditEvent).ToList())
                entry.State = EntityState.Detached;
        }
    }

    /// <param name="checkLive">For one district: check in the writer's turn that its live alerts are as read.</param>
    /// <returns>What changed; null when another re-evaluation changed the district's live alerts since they were read.</returns>
    private async Task<AlertChanges?> RunOnceAsync(IReadOnlyCollection<int>? districtIds, IReadOnlyList<IAlertSource>? only, bool checkLive,
        CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var watch = Stopwatch.StartNew();
        // A full pass reads the live alerts on a connection of its own while the sources evaluate.
        var liveTask = districtIds is null ? Task.Run(() => InScopeAsync(scoped => LiveAlertsAsync(scoped, null, ct)), ct) : null;
        var candidates = new Dictionary<(string, string), AlertCandidate>();
        foreach (var found in await EvaluateSourcesAsync(districtIds, only, today, ct))
            foreach (var candidate in found)
                candidates[candidate.Key] = candidate;
        var (live, whole) = liveTask is null ? await LiveAlertsAsync(db, districtIds, ct) : await liveTask;
        var asRead = whole?.Values.Select(a => (a.Id, a.Version)).ToHashSet(); // before the comparison moves versions on
        LeaveUnraised(live, only ?? sources, allSources: only is null);
        var evaluated = watch.ElapsedMilliseconds;

        int escalated = 0, resolved = 0, updated = 0;
        var raisedAlerts = new List<Alert>();
        var audit = new List<(int DistrictId, AuditEvent Event)>();
        foreach (var (key, candidate) in candidates)
        {
            var fingerprint = AlertFingerprint.Of(candidate);
            if (!live.TryGetValue(key, out var current))
            {
                var alert = new Alert
                {
                    DistrictId = candidate.DistrictId, RuleId = candidate.RuleId, Subject = candidate.Subject, Severity = candidate.Severity,
                    Notifies = string.Join(',', candidate.Notifies), Escalated = candidate.Escalated, MessageEs = candidate.Message.Es,
                    MessageEn = candidate.Message.En, Fingerprint = fingerprint, Status = AlertStatus.Open, RaisedAt = now,
                    EscalatedAt = candidate.Escalated ? now : null, Version = 1,
                };
                db.Alerts.Add(alert);
                raisedAlerts.Add(alert);
                audit.Add((candidate.DistrictId, Event("alert.raised", alert.RuleId, alert.Subject, null, candidate.Severity, now)));
                continue;
            }
            if (current.Fingerprint == fingerprint) continue;

            var changed = Attach(current, whole);
            if (candidate.Escalated && !current.Escalated)
            {
                // A wider audience must see it, so an acknowledged alert opens again.
                audit.Add((current.DistrictId, Event("alert.escalated", current.RuleId, current.Subject, current.Severity, candidate.Severity, now)));
                changed.EscalatedAt = now;
                changed.Status = AlertStatus.Open;
                escalated++;
            }
            else updated++;
            changed.Severity = candidate.Severity;
            changed.Notifies = string.Join(',', candidate.Notifies);
            changed.Escalated = candidate.Escalated;
            changed.MessageEs = candidate.Message.Es;
            changed.MessageEn = candidate.Message.En;
            changed.Fingerprint = fingerprint;
            changed.Version++;
        }
        foreach (var (key, current) in live)
        {
            if (candidates.ContainsKey(key)) continue;
            audit.Add((current.DistrictId, Event("alert.resolved", current.RuleId, current.Subject, current.Status.ToString(), "resolved", now)));
            var changed = Attach(current, whole);
            changed.Status = AlertStatus.Resolved;
            changed.ResolvedAt = now;
            changed.Version++;
            resolved++;
        }

        var changes = new AlertChanges(raisedAlerts.Count, escalated, resolved, updated);
        if (districtIds is null)
            log.LogInformation("Alert pass: {Candidates} holding and {Live} live alerts read in {Read} ms, compared in {Compared} ms.",
                candidates.Count, live.Count, evaluated, watch.ElapsedMilliseconds - evaluated);
        if (changes.Total > 0)
        {
            var subjects = await SubjectsAsync(audit.Select(a => a.DistrictId).Distinct().ToList(), ct);
            foreach (var (districtId, e) in audit) e.Subject = subjects[districtId];
            db.AuditEvents.AddRange(audit.Select(a => a.Event));
            var saved = await db.Database.WriteAsync(async () =>
            {
                if (checkLive && asRead is not null)
                {
                    await db.Database.LockDistrictAsync(districtIds!.First(), ct);
                    if (!asRead.SetEquals(await LiveVersionsAsync(districtIds!.First(), ct))) return false;
                }
                await db.SaveChangesAsync(ct);
                return true;
            }, ct);
            if (!saved) return null;
        }
        return whole is null ? changes
            : changes with { Live = whole.Values.Where(a => a.Status != AlertStatus.Resolved).Concat(raisedAlerts).OrderByDescending(a => a.Id).ToList() };
    }

    /// <summary>
    /// Leaves out of the comparison the live alerts of rules none of the sources run: a source that did not run a rule cannot
    /// say it stopped holding. When the sources are all of them, such a rule is not loaded (its file or the rule is gone), and
    /// its alerts stay as they are rather than resolve; a warning names the rules.
    /// </summary>
    private void LeaveUnraised(Dictionary<(string, string), Live> live, IEnumerable<IAlertSource> ran, bool allSources)
    {
        var unraised = live.Keys.Select(k => k.Item1).Distinct().Where(rule => !ran.Any(s => s.Raises(rule))).ToHashSet();
        if (unraised.Count == 0) return;
        var left = 0;
        foreach (var key in live.Keys.Where(k => unraised.Contains(k.Item1)).ToList())
        {
            live.Remove(key);
            left++;
        }
        if (allSources)
            log.LogWarning("Alert pass: {Count} live alerts of rules no alert source runs (not loaded?) left as they are, not resolved: {Rules}.",
                left, string.Join(", ", unraised.Order(StringComparer.Ordinal)));
    }

    /// <returns>The live alerts to compare; for one district also the alerts whole, by id (it has few, and the answer shows them).</returns>
    private static async Task<(Dictionary<(string, string), Live> Live, Dictionary<long, Alert>? Whole)> LiveAlertsAsync(PropilasDb context,
        IReadOnlyCollection<int>? districtIds, CancellationToken ct)
    {
        if (districtIds is { Count: 1 })
        {
            var whole = new Dictionary<long, Alert>();
            await foreach (var alert in LiveOfDistrict(context, districtIds.First()).WithCancellation(ct)) whole[alert.Id] = alert;
            return (whole.Values.ToDictionary(a => (a.RuleId, a.Subject), LiveOfAlert), whole);
        }
        var query = context.Alerts.AsNoTracking().Where(a => a.Status != AlertStatus.Resolved);
        if (districtIds is not null) query = query.Where(a => districtIds.Contains(a.DistrictId));
        return (await query
            .Select(LiveColumns)
            .ToDictionaryAsync(a => (a.RuleId, a.Subject), ct), null);
    }

    // The query's projection (only these columns are read), and the same for an alert already read whole.
    private static readonly Expression<Func<Alert, Live>> LiveColumns =
        a => new Live(a.Id, a.DistrictId, a.RuleId, a.Subject, a.Severity, a.Escalated, a.Fingerprint, a.Status, a.Version);

    private static readonly Func<Alert, Live> LiveOfAlert = LiveColumns.Compile();

    // Compiled once: every change to a district reads its live alerts.
    private static readonly Func<PropilasDb, int, IAsyncEnumerable<Alert>> LiveOfDistrict = EF.CompileAsyncQuery((PropilasDb db, int districtId) =>
        db.Alerts.AsNoTracking().Where(a => a.DistrictId == districtId && a.Status != AlertStatus.Resolved));

    private async Task<HashSet<(long, int)>> LiveVersionsAsync(int districtId, CancellationToken ct)
    {
        var versions = new HashSet<(long, int)>();
        await foreach (var version in LiveVersionsOfDistrict(db, districtId).WithCancellation(ct)) versions.Add(version);
        return versions;
    }

    private static readonly Func<PropilasDb, int, IAsyncEnumerable<(long, int)>> LiveVersionsOfDistrict = EF.CompileAsyncQuery((PropilasDb db, int districtId) =>
        db.Alerts.AsNoTracking().Where(a => a.DistrictId == districtId && a.Status != AlertStatus.Resolved)
            .Select(a => new ValueTuple<long, int>(a.Id, a.Version)));

    private async Task<T> InScopeAsync<T>(Func<PropilasDb, Task<T>> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<PropilasDb>());
    }

    /// <summary>
    /// Tracks a live alert as it is stored, so that only what the caller then sets is written (and the version checked): the
    /// alert as read, when it was read whole; otherwise one whose message columns start blank, since an alert is attached
    /// only to be given new messages or to be resolved.
    /// </summary>
    private Alert Attach(Live current, Dictionary<long, Alert>? whole)
    {
        if (whole?.GetValueOrDefault(current.Id) is { } read)
        {
            db.Alerts.Attach(read);
            return read;
        }
        var alert = new Alert
        {
            Id = current.Id, DistrictId = current.DistrictId, RuleId = current.RuleId, Subject = current.Subject, Severity = current.Severity,
            Notifies = "", Escalated = current.Escalated, MessageEs = "", MessageEn = "", Fingerprint = current.Fingerprint,
            Status = current.Status, Version = current.Version,
        };
        db.Alerts.Attach(alert);
        return alert;
    }

    /// <summary>
    /// One district: the sources in turn, on this request's context. A full pass: the sources side by side, each on its
    /// own scope and connection, since each reads tens of thousands of rows.
    /// </summary>
    private async Task<IReadOnlyList<IReadOnlyList<AlertCandidate>>> EvaluateSourcesAsync(IReadOnlyCollection<int>? districtIds,
        IReadOnlyList<IAlertSource>? only, DateOnly today, CancellationToken ct)
    {
        if (districtIds is not null)
        {
            var found = new List<IReadOnlyList<AlertCandidate>>();
            foreach (var source in only ?? sources) found.Add(await source.EvaluateAsync(districtIds, today, ct));
            return found;
        }
        var count = sources.Count();
        return await Task.WhenAll(Enumerable.Range(0, count).Select(i => Task.Run(async () =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var source = scope.ServiceProvider.GetServices<IAlertSource>().ElementAt(i);
            var watch = Stopwatch.StartNew();
            var candidates = await source.EvaluateAsync(null, today, ct);
            log.LogInformation("Alert source {Source}: {Count} holding in {Milliseconds} ms.", source.GetType().Name, candidates.Count, watch.ElapsedMilliseconds);
            return candidates;
        }, ct)));
    }

    /// <summary>District id → its audit subject (<c>district:slug</c>).</summary>
    private async Task<Dictionary<int, string>> SubjectsAsync(IReadOnlyCollection<int> districtIds, CancellationToken ct) =>
        (await db.Districts.AsNoTracking().Where(d => districtIds.Contains(d.Id)).Select(d => new { d.Id, d.Slug }).ToListAsync(ct))
        .ToDictionary(d => d.Id, d => d.Slug.Subject.Value);

    private static AuditEvent Event(string action, string ruleId, string subject, string? before, string? after, DateTimeOffset now) => new()
    {
        Subject = "", // set once the district slugs are loaded
        Action = action, Target = $"{ruleId} {subject}", By = System, Role = System, At = now, Before = before, After = after,
    };
}
