using Hangfire;

namespace Propilas.Host.Alerts;

/// <summary>The time-based pass: every district's rules against today's date. Idempotent, so Hangfire may retry it.</summary>
public sealed class AlertPassJob(AlertReconciler reconciler, ILogger<AlertPassJob> log)
{
    public const string RecurringId = "alerts.full-pass";

    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task RunAsync(CancellationToken ct)
    {
        var changes = await reconciler.RunAllAsync(ct);
        log.LogInformation("Alert pass: {Raised} raised, {Escalated} escalated, {Resolved} resolved, {Updated} updated.",
            changes.Raised, changes.Escalated, changes.Resolved, changes.Updated);
    }
}
