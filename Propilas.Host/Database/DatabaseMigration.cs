using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace Propilas.Host.Database;

/// <summary>
/// At start-up: brings the database to this build's migration (<c>Database:Migrate</c>, default true), or, when the
/// migrations are applied by hand or by one host only, checks that they have been. Stops start-up with what to do when the
/// database cannot be reached or is on another migration.
/// </summary>
public static class DatabaseMigration
{
    public static async Task MigrateOrCheckAsync(this PropilasDb db, DatabaseConfiguration database, bool migrate, CancellationToken ct)
    {
        try
        {
            var known = db.Database.GetMigrations().ToList();
            var history = db.GetService<IHistoryRepository>();
            List<string> applied = [];
            // Migrating creates the database when it is not there; checking needs it. The history table is made first when
            // migrating (Npgsql's migrator would read it before making it, and log that as an error).
            if (migrate && await db.Database.CanConnectAsync(ct)) await history.CreateIfNotExistsAsync(ct);
            if (migrate ? await db.Database.CanConnectAsync(ct) : await history.ExistsAsync(ct))
                applied = (await db.Database.GetAppliedMigrationsAsync(ct)).ToList();
            if (applied.Except(known).ToList() is { Count: > 0 } unknown)
                throw new InvalidOperationException(
                    $"The database ({database.Describe()}) has migrations this build does not know ({string.Join(", ", unknown)}): a newer build " +
                    "migrated it. Run that build (or a newer one) on it, or restore a backup taken before that migration.");
            var pending = known.Except(applied).ToList();
            if (pending.Count > 0 && !migrate)
                throw new InvalidOperationException(
                    $"The database ({database.Describe()}) is on migration '{applied.LastOrDefault() ?? "(none)"}'; this build needs " +
                    $"'{known.Last()}' ({pending.Count} more). Apply them: start one host with Database:Migrate=true (the default), " +
                    "then the others.");
            if (pending.Count > 0) await db.Database.MigrateAsync(ct);
            await db.UseWriteAheadLogAsync(ct);
        }
        catch (NpgsqlException e) when (e is not PostgresException || e is PostgresException { SqlState: "28P01" or "28000" or "3D000" or "42501" })
        {
            throw new InvalidOperationException(
                $"Cannot use the PostgreSQL database ({database.Describe()}): {e.Message}. Check that the server runs and accepts " +
                "connections from this host, and ConnectionStrings:Propilas (host, port, database, user, password; the user needs the " +
                "right to create the database, or the database must exist).", e);
        }
    }
}
