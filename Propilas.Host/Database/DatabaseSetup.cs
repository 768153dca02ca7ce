using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Propilas.Host.Database;

public static class DatabaseSetup
{
    public const string DefaultSqlite = "Data Source=App_Data/propilas.db";

    /// <summary>
    /// Provider and connection string come from configuration (<c>Database:Provider</c>: <c>Sqlite</c> or <c>Postgres</c>;
    /// <c>ConnectionStrings:Propilas</c>).
    /// </summary>
    public static IServiceCollection AddPropilasDatabase(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var database = DatabaseConfiguration.From(configuration);
        services.AddSingleton(database);
        if (database.IsPostgres)
        {
            // Several hosts share the server: each relies on its transactions, version columns and unique keys (no writer queue).
            // What is configured for PropilasDb (ConfigureDbContext<PropilasDb>: interceptors) holds for this type too.
            services.AddDbContextPool<PropilasDb, PostgresDb>((sp, o) =>
            {
                o.UseNpgsql(database.ConnectionString);
                foreach (var configuration in sp.GetServices<IDbContextOptionsConfiguration<PropilasDb>>()) configuration.Configure(sp, o);
            });
            services.AddScoped(sp => (PostgresDb)sp.GetRequiredService<PropilasDb>());
            return services;
        }

        var builder = new SqliteConnectionStringBuilder(database.ConnectionString);
        if (!Path.IsPathRooted(builder.DataSource) && builder.DataSource != ":memory:")
            builder.DataSource = Path.Combine(environment.ContentRootPath, builder.DataSource);
        if (Path.GetDirectoryName(builder.DataSource) is { Length: > 0 } folder) Directory.CreateDirectory(folder);
        if (builder.DefaultTimeout < 30) builder.DefaultTimeout = 30; // seconds a writer waits for the lock before failing
        var sqlite = builder.ToString();

        services.AddDbContextPool<PropilasDb>(o => o.UseSqlite(sqlite).AddInterceptors(new SqlitePragmas()));
        return services;
    }

    /// <summary>WAL lets readers work while one writer commits; it is a property of the file, so it is set once.</summary>
    public static async Task UseWriteAheadLogAsync(this PropilasDb db, CancellationToken ct)
    {
        if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
    }

    /// <summary>
    /// NORMAL sync is durable across process crashes in WAL mode (WAL is set once, at migration). busy_timeout lets
    /// SQLite's own handler wait for the write lock in short sleeps, instead of the provider's coarse retry loop.
    /// </summary>
    private sealed class SqlitePragmas : DbConnectionInterceptor
    {
        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken ct = default)
        {
            Apply(connection);
            return Task.CompletedTask;
        }

        // Pragmas hold for the native connection, which the pool keeps open under every SqliteConnection it hands out:
        // set them once per native connection, not on each open (EF opens the connection for every query).
        private static readonly ConditionalWeakTable<object, object> Configured = new();

        private static void Apply(DbConnection connection)
        {
            if (connection is SqliteConnection { Handle: { } handle })
            {
                if (Configured.TryGetValue(handle, out _)) return;
                Configured.AddOrUpdate(handle, handle);
            }
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;";
            command.ExecuteNonQuery();
        }
    }
}
