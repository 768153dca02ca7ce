namespace Propilas.Host.Alerts;

/// <summary>
/// What a change touched, so that only the handlers and alert sources that read it run again. A change that does not
/// say (<see cref="All"/>) runs them all; the scheduled pass runs them all in any case.
/// </summary>
[Flags]
public enum DistrictArea
{
    None = 0,
    /// <summary>The process's timeline: a stage started or closed, or the process started or completed.</summary>
    ProcessTimeline = 1,
    /// <summary>A step or gate decision that left the timeline as it was.</summary>
    ProcessSteps = 2,
    Invitations = 4,
    Commitments = 8,
    Committee = 16,
    StrategicPlan = 32,
    WaterBoards = 64,
    Obligations = 128,
    Diagnosis = 256,
    InvestmentPlan = 512,
    /// <summary>A project of the district started (its own transitions count as process steps: see <c>ProcessContext</c>).</summary>
    Projects = 1024,
    All = -1,
}

/// <summary>
/// What every change to a district runs before the API answers: the re-evaluation of the alert sources that read what
/// it touched. (Derived records are kept in the change's own transaction, e.g. obligations by <c>ObligationSync</c>.)
/// </summary>
public sealed class DistrictChanges(AlertReconciler alerts)
{
    public Task<AlertChanges> AfterChangeAsync(int districtId, CancellationToken ct) => AfterChangeAsync(districtId, DistrictArea.All, ct);

    public Task<AlertChanges> AfterChangeAsync(int districtId, DistrictArea changed, CancellationToken ct) =>
        alerts.ReevaluateDistrictAsync(districtId, changed, ct);
}
