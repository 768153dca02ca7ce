using Microsoft.EntityFrameworkCore;
using Propilas.Host.Database;

namespace Propilas.Host.Districts;

/// <summary>A district as the features under <c>/districts/{slug}/...</c> need it.</summary>
public sealed record DistrictRef(int Id, DistrictSlug Slug, string Name);

/// <summary>The one way to find a district by its slug. Access is the caller's to check (the API's district routes do it in <see cref="DistrictRoutes"/>).</summary>
public static class DistrictLookup
{
    /// <summary>The district of a URL slug, or null when the slug is malformed or unknown.</summary>
    public static Task<DistrictRef?> FindDistrictAsync(this PropilasDb db, string slug, CancellationToken ct) =>
        DistrictSlug.TryParse(slug, out var s) ? db.FindDistrictAsync(s, ct) : Task.FromResult<DistrictRef?>(null);

    /// <summary>
    /// The district of a slug, or null when it is unknown. A request asks several times (its route, the gate's facts, the
    /// obligations' planner, the alerts' re-evaluation): it is read once per unit of work (<see cref="PropilasDb.DistrictsFound"/>).
    /// </summary>
    public static async Task<DistrictRef?> FindDistrictAsync(this PropilasDb db, DistrictSlug slug, CancellationToken ct)
    {
        if (db.DistrictsFound.TryGetValue(slug, out var known)) return known;
        var found = await db.Districts.AsNoTracking().Where(d => d.Slug == slug).Select(d => new { d.Id, d.Name }).FirstOrDefaultAsync(ct);
        return found is null ? null : db.DistrictsFound[slug] = new DistrictRef(found.Id, slug, found.Name);
    }

    /// <summary>The whole record of a district (with its baseline), for the features that plan with it.</summary>
    public static Task<District> RecordOfAsync(this PropilasDb db, DistrictRef district, CancellationToken ct) =>
        db.Districts.AsNoTracking().FirstAsync(d => d.Id == district.Id, ct);
}
