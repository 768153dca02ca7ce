namespace Propilas.Host.Alerts;

/// <summary>
/// What every change to a district runs before the API answers: the handlers that keep derived records up to date
/// (e.g. obligations when the process reaches a phase), then the district's alert re-evaluation.
/// </summary>
public sealed class DistrictChanges(IEnumerable<IDistrictChangeHandler> handlers, AlertReconciler alerts)
{
    public async Task<AlertChanges> AfterChangeAsync(int districtId, CancellationToken ct)
    {
        foreach (var handler in handlers) await handler.OnChangedAsync(districtId, ct);
        return await alerts.ReevaluateDistrictAsync(districtId, ct);
    }
}

/// <summary>Keeps a feature's derived records in line after a district changed.</summary>
public interface IDistrictChangeHandler
{
    Task OnChangedAsync(int districtId, CancellationToken ct);
}
