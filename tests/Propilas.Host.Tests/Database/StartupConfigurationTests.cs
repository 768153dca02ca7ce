using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Propilas.Host.Database;

namespace Propilas.Host.Tests.Database;

/// <summary>A database setting the host cannot use stops start-up with a message that says what to set or do.</summary>
public sealed class StartupConfigurationTests
{
    [Fact]
    public async Task An_unknown_provider_stops_start_up_naming_the_setting_and_the_providers()
    {
        await using var host = new PropilasFactory(new HostSettings { Provider = "Oracle", SeedPilots = false });

        var message = Messages(Assert.ThrowsAny<Exception>(() => host.CreateClient()));

        Assert.Contains("Database:Provider 'Oracle' is not known", message);
        Assert.Contains("'Sqlite'", message);
        Assert.Contains("'Postgres'", message);
    }

    [Fact]
    public async Task Postgres_without_a_server_in_the_connection_string_stops_start_up_saying_what_to_set()
    {
        await using var host = new PropilasFactory(new HostSettings
        {
            Provider = "Sqlite", SeedPilots = false, Configuration = new Dictionary<string, string> { ["Database:Provider"] = "Postgres" },
        });

        var message = Messages(Assert.ThrowsAny<Exception>(() => host.CreateClient()));

        Assert.Contains("ConnectionStrings:Propilas does not name a PostgreSQL server", message);
    }

    [PostgresFact]
    public async Task An_unreachable_server_stops_start_up_naming_the_server_and_what_to_check()
    {
        await using var host = new PropilasFactory(new HostSettings
        {
            Provider = "Postgres", SeedPilots = false,
            Configuration = new Dictionary<string, string> { ["ConnectionStrings:Propilas"] = "Host=127.0.0.1;Port=1;Database=propilas;Username=propilas;Timeout=3" },
        });

        var message = Messages(Assert.ThrowsAny<Exception>(() => host.CreateClient()));

        Assert.Contains("Cannot use the PostgreSQL database (127.0.0.1:1, database 'propilas', user 'propilas')", message);
        Assert.Contains("Check that the server runs", message);
    }

    /// <summary>With migrations applied apart (<c>Database:Migrate=false</c>), a host does not start on a database left behind.</summary>
    [Fact]
    public async Task A_database_on_an_older_migration_stops_start_up_when_migrations_are_applied_apart()
    {
        var folder = Directory.CreateTempSubdirectory("propilas-older-").FullName;
        var file = Path.Combine(folder, "propilas.db");
        await using (var old = new PropilasDb(new DbContextOptionsBuilder<PropilasDb>().UseSqlite($"Data Source={file}").Options))
        {
            var migrations = old.Database.GetMigrations().ToList();
            await old.GetService<IMigrator>().MigrateAsync(migrations[1]);
        }
        SqliteConnection.ClearAllPools();

        await using var host = new PropilasFactory(new HostSettings
        {
            Provider = "Sqlite", SeedPilots = false, ExistingFolder = folder,
            Configuration = new Dictionary<string, string> { ["Database:Migrate"] = "false" },
        });
        var message = Messages(Assert.ThrowsAny<Exception>(() => host.CreateClient()));

        Assert.Contains("is on migration '20261123163605_Alerts'", message);
        Assert.Contains("start one host with Database:Migrate=true", message);
    }

    private static string Messages(Exception e)
    {
        var all = new List<string>();
        for (Exception? x = e; x is not null; x = x.InnerException) all.Add($"{x.GetType().Name}: {x.Message}");
        return string.Join("\n", all);
    }
}
