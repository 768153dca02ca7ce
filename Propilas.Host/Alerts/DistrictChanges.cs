using Propilas.Workflows.Runtime;

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
/// What every change to a district runs before the API answers: the handlers that keep derived records up to date
/// (e.g. obligations when the process reaches a phase), then the district's alert re-evaluation.
/// </summary>
public sealed class DistrictChanges(IEnumerable<IDistrictChangeHandler> handlers, AlertReconciler alerts)
{
    public Task<AlertChanges> AfterChangeAsync(int districtId, CancellationToken ct) => AfterChangeAsync(districtId, DistrictArea.All, ct);

    public Task<AlertChanges> AfterChangeAsync(int districtId, DistrictArea changed, CancellationToken ct) =>
        AfterChangeAsync(new DistrictChange(districtId, changed), ct);

    public async Task<AlertChanges> AfterChangeAsync(DistrictChange change, CancellationToken ct)
    {
        var changed = change.Area;
        foreach (var handler in handlers)
            if ((handler.Watches & changed) != 0) changed |= await handler.OnChangedAsync(change, ct);
        return await alerts.ReevaluateDistrictAsync(change.DistrictId, changed, ct);
    }
}

/// <summary>A change to a district, as its handlers are told of it.</summary>
/// <param name="Area">What the change touched.</param>
/// <param name="Process">The district's planning process as the change left it, when the caller has it at hand (a handler
/// that needs it loads it otherwise).</param>
public sealed record DistrictChange(int DistrictId, DistrictArea Area, WorkflowInstance? Process = null);

/// <summary>Keeps a feature's derived records in line after a district changed.</summary>
public interface IDistrictChangeHandler
{
    /// <summary>The changes that may call for new derived records.</summary>
    DistrictArea Watches { get; }

    /// <returns>What the handler itself changed (<see cref="DistrictArea.None"/> when nothing).</returns>
    Task<DistrictArea> OnChangedAsync(DistrictChange change, CancellationToken ct);
}
