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

    public async Task<AlertChanges> AfterChangeAsync(int districtId, DistrictArea changed, CancellationToken ct)
    {
        foreach (var handler in handlers)
            if ((handler.Watches & changed) != 0) changed |= await handler.OnChangedAsync(districtId, ct);
        return await alerts.ReevaluateDistrictAsync(districtId, changed, ct);
    }
}

/// <summary>Keeps a feature's derived records in line after a district changed.</summary>
public interface IDistrictChangeHandler
{
    /// <summary>The changes that may call for new derived records.</summary>
    DistrictArea Watches { get; }

    /// <returns>What the handler itself changed (<see cref="DistrictArea.None"/> when nothing).</returns>
    Task<DistrictArea> OnChangedAsync(int districtId, CancellationToken ct);
}
