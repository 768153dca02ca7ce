using Microsoft.AspNetCore.DataProtection;

namespace Propilas.Host.Database;

public static class SigningKeys
{
    /// <summary>
    /// The keys that sign bearer tokens and cookies. On PostgreSQL they live in the database, so a token or cookie one host
    /// issued is accepted by every other; on SQLite (one host) beside the database (<c>DataProtection:KeysFolder</c>, default
    /// <c>App_Data/keys</c>). Either way sign-ins survive a restart.
    /// </summary>
    public static IServiceCollection AddSigningKeys(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var protection = services.AddDataProtection().SetApplicationName("Propilas");
        if (DatabaseConfiguration.From(configuration).IsPostgres)
            protection.PersistKeysToDbContext<PostgresDb>();
        else
            protection.PersistKeysToFileSystem(new DirectoryInfo(configuration["DataProtection:KeysFolder"] is { Length: > 0 } keys
                ? keys : Path.Combine(environment.ContentRootPath, "App_Data", "keys")));
        return services;
    }
}
