using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Propilas.Host.Accounts;
using Propilas.Host.Common;
using Propilas.Host.Districts;
using Propilas.Host.Process;

namespace Propilas.Host.Database;

/// <summary>
/// The application database. This type is the SQLite model (its migrations in <c>Database/Migrations</c>);
/// <see cref="PostgresDb"/> is the PostgreSQL one, with migrations of its own. Services ask for <see cref="PropilasDb"/> either way.
/// </summary>
public class PropilasDb(DbContextOptions options) : IdentityDbContext<AppUser>(options)
{
    public DbSet<District> Districts => Set<District>();

    private (DbContextId Lease, Dictionary<DistrictSlug, DistrictRef> Found) _districtsFound;

    /// <summary>
    /// The districts found by slug in this unit of work: a district's slug, id and name never change and districts are
    /// never deleted, so a hit holds for the whole request. Kept per lease (<see cref="DbContext.ContextId"/>), since a
    /// pooled context serves many requests; a miss is not kept, so a district registered meanwhile is found.
    /// </summary>
    internal Dictionary<DistrictSlug, DistrictRef> DistrictsFound
    {
        get
        {
            if (_districtsFound.Found is null || !_districtsFound.Lease.Equals(ContextId)) _districtsFound = (ContextId, []);
            return _districtsFound.Found;
        }
    }
    public DbSet<WorkflowInstanceRecord> WorkflowInstances => Set<WorkflowInstanceRecord>();
    public DbSet<WorkflowDefinitionRecord> WorkflowDefinitions => Set<WorkflowDefinitionRecord>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<Alerts.Alert> Alerts => Set<Alerts.Alert>();

    /// <summary>
    /// A save outside a transaction takes its turn on the writer queue like every explicit write transaction
    /// (<see cref="WriterQueue.BeginWriteAsync"/>), so no write path of this process meets SQLite's busy handler.
    /// </summary>
    public sealed override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default) =>
        Database.WriteAsync(() => base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken), cancellationToken);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PropilasDb).Assembly);
        builder.Entity<AppUser>().HasOne<District>().WithMany().HasForeignKey(u => u.DistrictId);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configuration)
    {
        // SQLite has no date type: store instants as sortable numbers so queries can compare and order them.
        if (Database.IsSqlite())
            configuration.Properties<DateTimeOffset>().HaveConversion<Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter>();
    }
}
