// Scaffolds EF Core migrations for Propilas.Host without the dotnet-ef tool, one set per provider:
//   dotnet run --project tools/Propilas.MigrationTool -- add <MigrationName>            (SQLite, Database/Migrations)
//   dotnet run --project tools/Propilas.MigrationTool -- add <MigrationName> postgres   (PostgreSQL, Database/Migrations/Postgres)
// A change to the model needs both.
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.EntityFrameworkCore.Sqlite.Design.Internal;
using Microsoft.Extensions.DependencyInjection;
using Npgsql.EntityFrameworkCore.PostgreSQL.Design.Internal;
using Propilas.Host.Database;

var (name, postgres) = args switch
{
    ["add", var n] => (n, false),
    ["add", var n, "postgres"] => (n, true),
    _ => (null, false),
};
if (name is null)
{
    Console.Error.WriteLine("usage: add <MigrationName> [postgres]");
    return 2;
}

var root = FindRepositoryRoot();
var hostProject = Path.Combine(root, "Propilas.Host");
using var db = postgres
    ? new PostgresDb(new DbContextOptionsBuilder<PostgresDb>().UseNpgsql("Host=localhost").Options) // never connects
    : new PropilasDb(new DbContextOptionsBuilder<PropilasDb>().UseSqlite("Data Source=:memory:").Options);

var services = new ServiceCollection();
services.AddEntityFrameworkDesignTimeServices();
services.AddDbContextDesignTimeServices(db);
if (postgres) new NpgsqlDesignTimeServices().ConfigureDesignTimeServices(services);
else new SqliteDesignTimeServices().ConfigureDesignTimeServices(services);
var scaffolder = services.BuildServiceProvider().GetRequiredService<IMigrationsScaffolder>();

var subNamespace = postgres ? "Database.Migrations.Postgres" : "Database.Migrations";
var migration = scaffolder.ScaffoldMigration(name, "Propilas.Host", subNamespace, "C#");
var files = scaffolder.Save(hostProject, migration, Path.Combine([hostProject, .. subNamespace.Split('.')]));
Console.WriteLine($"Wrote {files.MigrationFile}\n      {files.MetadataFile}\n      {files.SnapshotFile}");
return 0;

static string FindRepositoryRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "Propilas.sln"))) return dir.FullName;
    throw new InvalidOperationException("Propilas.sln not found above " + AppContext.BaseDirectory);
}
