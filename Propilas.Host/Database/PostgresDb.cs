using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Propilas.Host.Database;

/// <summary>
/// The database on PostgreSQL (<c>Database:Provider=Postgres</c>): the same model, with migrations generated for this
/// provider (<c>Database/Migrations/Postgres</c>), and the data-protection keys that sign tokens and cookies, shared by
/// every host on the database.
/// </summary>
public sealed class PostgresDb(DbContextOptions options) : PropilasDb(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
}
