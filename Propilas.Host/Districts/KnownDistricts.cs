using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Propilas.Host.Database;

namespace Propilas.Host.Districts;

/// <summary>
/// Slug → id of the districts found so far. A district keeps its slug and is never deleted, so a found id stays true;
/// a slug not found is asked again next time (it may be registered meanwhile).
/// </summary>
public sealed class DistrictIds
{
    private readonly ConcurrentDictionary<DistrictSlug, int> _found = new();

    public async Task<int?> FindAsync(PropilasDb db, DistrictSlug slug, CancellationToken ct)
    {
        if (_found.TryGetValue(slug, out var id)) return id;
        var stored = await db.Districts.AsNoTracking().Where(d => d.Slug == slug).Select(d => (int?)d.Id).FirstOrDefaultAsync(ct);
        if (stored is { } found) _found.TryAdd(slug, found);
        return stored;
    }
}
