using Npgsql;

namespace Propilas.Host.Database;

/// <summary>Which database the host uses, read once from configuration; a setting it cannot use stops start-up saying what to set.</summary>
public sealed record DatabaseConfiguration(string Provider, string ConnectionString)
{
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    public bool IsPostgres => Provider == Postgres;

    public static DatabaseConfiguration From(IConfiguration configuration)
    {
        var provider = configuration["Database:Provider"] is { Length: > 0 } p ? p.Trim() : Sqlite;
        var connectionString = configuration.GetConnectionString("Propilas");
        if (provider.Equals(Sqlite, StringComparison.OrdinalIgnoreCase))
            return new(Sqlite, connectionString is { Length: > 0 } ? connectionString : DatabaseSetup.DefaultSqlite);
        if (!provider.Equals(Postgres, StringComparison.OrdinalIgnoreCase) && !provider.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException(
                $"Database:Provider '{provider}' is not known. Set it to 'Sqlite' (one host, a file) or 'Postgres' (a PostgreSQL server, one or more hosts).");
        if (connectionString is not { Length: > 0 } || connectionString.Contains("Data Source=", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException(
                "Database:Provider is 'Postgres' but ConnectionStrings:Propilas does not name a PostgreSQL server. Set it, e.g. " +
                "'Host=db.example;Port=5432;Database=propilas;Username=propilas;Password=...'.");
        try
        {
            _ = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"ConnectionStrings:Propilas is not a PostgreSQL connection string: {e.Message}", e);
        }
        return new(Postgres, connectionString);
    }

    /// <summary>Where the server is, for messages (never the password).</summary>
    public string Describe()
    {
        if (!IsPostgres) return ConnectionString;
        var b = new NpgsqlConnectionStringBuilder(ConnectionString);
        return $"{b.Host}:{b.Port}, database '{b.Database}', user '{b.Username}'";
    }
}
