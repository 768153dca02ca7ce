// Scaffolds EF Core migrations for Propilas.Host without the dotnet-ef tool (the NuGet copy here does not serve it):
//   dotnet run --project tools/Propilas.MigrationTool -- add <MigrationName>
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.EntityFrameworkCore.Sqlite.Design.Internal;
using Microsoft.Extensions.DependencyInjection;
using Propilas.Host.Database;

if (args is not ["add", var name])
{
    Console.Error.WriteLine("usage: add <MigrationName>");
    return 2;
}

var root = FindRepositoryRoot();
var hostProject = Path.Combine(root, "Propilas.Host");
using var db = new PropilasDb(new DbContextOptionsBuilder<PropilasDb>().UseSqlite("Data Source=:memory:").Options);

var services = new ServiceCollection();
services.AddEntityFrameworkDesignTimeServices();
services.AddDbContextDesignTimeServices(db);
new SqliteDesignTimeServices().ConfigureDesignTimeServices(services);
var scaffolder = services.BuildServiceProvider().GetRequiredService<IMigrationsScaffolder>();

var migration = scaffolder.ScaffoldMigration(name, "Propilas.Host", "Database.Migrations", "C#");
var files = scaffolder.Save(hostProject, migration, Path.Combine(hostProject, "Database", "Migrations"));
Console.WriteLine($"Wrote {files.MigrationFile}\n      {files.MetadataFile}\n      {files.SnapshotFile}");
return 0;

static string FindRepositoryRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "Propilas.sln"))) return dir.FullName;
    throw new InvalidOperationException("Propilas.sln not found above " + AppContext.BaseDirectory);
}
