using Microsoft.EntityFrameworkCore;
using Propilas.Host.Database;
using Propilas.Host.Districts;
using Propilas.Rules.Facts;
using Propilas.Rules.Obligations;


namespace Propilas.Host.Obligations;

public sealed record ObligationView(
    int Id, string Key, ObligationPhase Phase, string Step, Stakeholder Stakeholder, Propilas.Workflows.LocalizedText Text, DateOnly DueOn, ObligationStatus Status,
    int DaysOverdue, DateOnly? FulfilledOn, string? FulfilledBy, string? FulfilledRole, string? Evidence, int Version);

public sealed class ObligationQueries(PropilasDb db, TimeProvider time)
{
    public async Task<IReadOnlyList<ObligationView>> ListAsync(DistrictRef district, ObligationFilter filter, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var query = db.Set<Obligation>().AsNoTracking().Where(o => o.DistrictId == district.Id);
        if (filter.Stakeholder is { } stakeholder) query = query.Where(o => o.Stakeholder == stakeholder);
        if (filter.Phase is { } phase) query = query.Where(o => o.Phase == phase);
        query = filter.Status switch
        {
            ObligationStatus.Fulfilled => query.Where(o => o.FulfilledOn != null),
            ObligationStatus.Open => query.Where(o => o.FulfilledOn == null),
            ObligationStatus.Overdue => query.Where(o => o.FulfilledOn == null && o.DueOn < today),
            _ => query,
        };
        var rows = await query.ToListAsync(ct);
        return rows.Select(o => View(o, today)).OrderBy(v => v.Stakeholder).ThenBy(v => v.Phase).ThenBy(v => v.DueOn).ThenBy(v => v.Id).ToList();
    }

    public async Task<ObligationView?> GetAsync(DistrictRef district, int id, CancellationToken ct)
    {
        var o = await db.Set<Obligation>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == id && o.DistrictId == district.Id, ct);
        return o is null ? null : View(o, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
    }

    public static ObligationView View(Obligation o, DateOnly today)
    {
        var daysOverdue = o.Fulfilled ? 0 : ObligationAlertSource.DaysOverdue(o.DueOn, today);
        var status = o.Fulfilled ? ObligationStatus.Fulfilled : daysOverdue > 0 ? ObligationStatus.Overdue : ObligationStatus.Open;
        return new ObligationView(o.Id, o.Key, o.Phase, o.Step, o.Stakeholder, new Propilas.Workflows.LocalizedText(o.TextEs, o.TextEn), o.DueOn, status, daysOverdue,
            o.FulfilledOn, o.FulfilledBy, o.FulfilledRole, o.Evidence, o.Version);
    }
}
