using Npgsql;

namespace Propilas.Host.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server the tests use: <c>PROPILAS_TEST_POSTGRES</c> holds a connection string to it (a user that may
/// create databases; .ci/run starts one and sets it). Each host gets a database of its own, named after its folder, so a
/// restart on the same folder finds the same database. <c>PROPILAS_TEST_PROVIDER=Postgres</c> runs every host of the
/// tests on it (CI runs the store, concurrency, alert, obligation and job tests so, once more).
/// </summary>
public static class TestPostgres
{
    public const string ServerVariable = "PROPILAS_TEST_POSTGRES";
    public const string ProviderVariable = "PROPILAS_TEST_PROVIDER";

    public static string? Server => Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } s ? s : null;

    /// <summary>The provider a host gets unless its test names one.</summary>
    public static string DefaultProvider =>
        string.Equals(Environment.GetEnvironmentVariable(ProviderVariable), "Postgres", StringComparison.OrdinalIgnoreCase) ? "Postgres" : "Sqlite";

    /// <summary>
    /// Why a test that needs the server does not run in this pass. It runs in the PostgreSQL pass only
    /// (<c>PROPILAS_TEST_PROVIDER=Postgres</c>): the host's compiled queries are bound to the first model they meet, so one
    /// test process holds hosts of one provider. CI runs that pass with the server set (and fails when it does not answer).
    /// </summary>
    public static string? SkipReason =>
        Server is null ? $"{ServerVariable} is not set (no PostgreSQL server for the tests)"
        : DefaultProvider != "Postgres" ? $"runs in the PostgreSQL pass ({ProviderVariable}=Postgres): a test process holds hosts of one provider"
        : null;

    public static string RequireServer() => Server ?? throw new InvalidOperationException(
        $"This test host runs on PostgreSQL but {ServerVariable} is not set: set it to a connection string of a server " +
        "(e.g. Host=127.0.0.1;Port=5432;Username=postgres), as .ci/run does.");

    public static string DatabaseFor(string folder) =>
        "propilas_" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(folder)))[..16];

    public static string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(RequireServer()) { Database = database }.ConnectionString;

    /// <summary>Creates the database unless it is there (a restart on the same folder).</summary>
    public static async Task EnsureDatabaseAsync(string database)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", database);
        if (await exists.ExecuteScalarAsync() is not null) return;
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
        await create.ExecuteNonQueryAsync();
    }

    public static async Task DropDatabaseAsync(string database)
    {
        await using (var pooled = new NpgsqlConnection(ConnectionString(database))) NpgsqlConnection.ClearPool(pooled);
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}

/// <summary>A fact that needs the PostgreSQL server: skipped, saying why, when <c>PROPILAS_TEST_POSTGRES</c> is not set.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (TestPostgres.SkipReason is { } reason) Skip = reason;
    }
}
