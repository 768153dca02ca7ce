using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Propilas.Host.Database;

namespace Propilas.Host.Districts;

/// <summary>A district's id and name, as the hot paths (every process request, every gate check) need them.</summary>
public sealed record KnownDistrict(int Id, string Name);

/// <summary>
/// Slug → id and name of the districts found so far. A district keeps its slug and name and is never deleted, so what
/// was found stays true; a slug not found is asked again next time (it may be registered meanwhile).
/// </summary>
public sealed class KnownDistricts
{
    private readonly ConcurrentDictionary<DistrictSlug, KnownDistrict> _found = new();

    public async Task<KnownDistrict?> FindAsync(PropilasDb db, DistrictSlug slug, CancellationToken ct)
    {
        if (_found.TryGetValue(slug, out var known)) return known;
        var stored = await db.Districts.AsNoTracking().Where(d => d.Slug == slug).Select(d => new KnownDistrict(d.Id, d.Name)).FirstOrDefaultAsync(ct);
        if (stored is not null) _found.TryAdd(slug, stored);
        return stored;
    }
}
