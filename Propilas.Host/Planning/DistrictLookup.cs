using Microsoft.EntityFrameworkCore;
using Propilas.Host.Database;
using Propilas.Host.Districts;

namespace Propilas.Host.Planning;

public static class DistrictLookup
{
    /// <summary>The district of a route's slug, or null when the slug is malformed or unknown.</summary>
    public static Task<District?> FindDistrictAsync(this PropilasDb db, string slug, CancellationToken ct) =>
        DistrictSlug.TryParse(slug, out var s) ? db.Districts.AsNoTracking().FirstOrDefaultAsync(d => d.Slug == s, ct) : Task.FromResult<District?>(null);
}
