using Propilas.Host.Districts;
using Microsoft.EntityFrameworkCore;
using Propilas.Host.Database;

namespace Propilas.Host.Districts;

/// <summary>A district as the features under <c>/districts/{slug}/...</c> need it.</summary>
public sealed record DistrictRef(int Id, DistrictSlug Slug, string Name);

public static class DistrictLookup
{
    /// <summary>The district of a URL slug, or null when the slug is malformed or unknown. Access is the caller's to check.</summary>
    public static async Task<DistrictRef?> FindDistrictAsync(this PropilasDb db, string slug, CancellationToken ct)
    {
        if (!DistrictSlug.TryParse(slug, out var s)) return null;
        var found = await db.Districts.AsNoTracking().Where(d => d.Slug == s).Select(d => new { d.Id, d.Name }).FirstOrDefaultAsync(ct);
        return found is null ? null : new DistrictRef(found.Id, s, found.Name);
    }

    /// <summary>The whole district record of a URL slug (with its baseline), or null when the slug is malformed or unknown.</summary>
    public static Task<District?> FindDistrictRecordAsync(this PropilasDb db, string slug, CancellationToken ct) =>
        DistrictSlug.TryParse(slug, out var s) ? db.Districts.AsNoTracking().FirstOrDefaultAsync(d => d.Slug == s, ct) : Task.FromResult<District?>(null);
}
