using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Propilas.Host.Database;

public static class DistrictWriteLock
{
    // The first key of PostgreSQL's two-key advisory locks: this lock's own space, apart from any other.
    private const int DistrictSpace = 0x50_52_4F_01;

    /// <summary>
    /// Inside a write transaction: waits until no other transaction holds this district's lock, and holds it until commit
    /// or rollback. On SQLite the writers already take turns (<see cref="WriterQueue"/>), so this does nothing; on
    /// PostgreSQL, where they do not, it lets a read-check-write of one district (e.g. an alert re-evaluation) see what a
    /// concurrent one committed, instead of meeting it at a unique index.
    /// </summary>
    public static async Task LockDistrictAsync(this DatabaseFacade database, int districtId, CancellationToken ct)
    {
        if (database.IsNpgsql())
            await database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({DistrictSpace}, {districtId})", ct);
    }
}
