using System.Collections.Concurrent;
using System.Data.Common;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Propilas.Host.Database;

namespace Propilas.Host.Tests.Infrastructure;

/// <summary>How a test host is configured. Defaults: Development, demo password set, pilots seeded, shipped definitions.</summary>
public sealed record HostSettings
{
    public string Environment { get; init; } = "Development";

    /// <summary><c>Database:Provider</c>: "Sqlite" (a file in the host's folder) or "Postgres" (a database of its own on
    /// <see cref="TestPostgres.Server"/>). Default from <c>PROPILAS_TEST_PROVIDER</c>, else SQLite.</summary>
    public string Provider { get; init; } = TestPostgres.DefaultProvider;

    /// <summary>On PostgreSQL, the database of another host (several hosts on one database); null: this host's own.</summary>
    public string? PostgresDatabase { get; init; }

    /// <summary><c>Seed:DemoPassword</c>; null sets it empty, which the host treats as unset (it then generates one).</summary>
    public string? DemoPassword { get; init; } = PropilasFactory.DemoPassword;

    public bool SeedPilots { get; init; } = true;

    /// <summary><c>Process:DefinitionsFolder</c>; null keeps the host's default (the shipped <c>workflows/</c>).</summary>
    public string? DefinitionsFolder { get; init; }

    /// <summary><c>Rules:Folder</c>; null keeps the host's default (the shipped <c>workflows/rules/</c>).</summary>
    public string? RulesFolder { get; init; }

    /// <summary>Replaces the host's clock when set.</summary>
    public DateTimeOffset? FakeNow { get; init; }

    /// <summary>Use the database and keys of an existing folder (a restart) instead of a fresh one.</summary>
    public string? ExistingFolder { get; init; }

    /// <summary>Leave the folder on disposal, so a second host can start on it.</summary>
    public bool KeepFolder { get; init; }

    /// <summary>
    /// <c>SignIn:PerAddressPerMinute</c> and <c>SignIn:PerAccountPerMinute</c>. Tests sign in far more often than people do,
    /// all from one address (and TestServer gives none): high unless a test sets its own.
    /// </summary>
    public int SignInsPerMinute { get; init; } = 100_000;

    /// <summary>More configuration (key, value), applied after the settings above.</summary>
    public IReadOnlyDictionary<string, string>? Configuration { get; init; }

    /// <summary>More test services (e.g. a scripted alert source), registered after the host's own.</summary>
    public Action<IServiceCollection>? Services { get; init; }
}

/// <summary>
/// The real host, in process, on a real SQLite file in a temporary folder of its own (database and data-protection keys),
/// or on a PostgreSQL database of its own (<see cref="HostSettings.Provider"/>). Disposal stops the host and deletes the
/// folder (and the database).
/// </summary>
public class PropilasFactory : WebApplicationFactory<Program>
{
    public const string DemoPassword = "Demo-Pass-2026";
    public static readonly DateTimeOffset DefaultNow = new(2026, 3, 2, 14, 0, 0, TimeSpan.Zero);

    public PropilasFactory(HostSettings settings)
    {
        Settings = settings;
        Folder = settings.ExistingFolder ?? Directory.CreateTempSubdirectory("propilas-host-tests-").FullName;
        if (settings.FakeNow is { } now) Time = new FakeTimeProvider(now);
        if (IsPostgres)
        {
            PostgresDatabase = settings.PostgresDatabase ?? TestPostgres.DatabaseFor(Folder);
            TestPostgres.EnsureDatabaseAsync(PostgresDatabase).GetAwaiter().GetResult();
        }
    }

    public bool IsPostgres => Settings.Provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>The PostgreSQL database's name, when on PostgreSQL.</summary>
    public string? PostgresDatabase { get; }

    public HostSettings Settings { get; }
    public string Folder { get; }
    public string DatabaseFile => Path.Combine(Folder, "propilas.db");
    public string KeysFolder => Path.Combine(Folder, "keys");
    public FakeTimeProvider? Time { get; }

    /// <summary>Test-only fault: makes the database fail a statement (by default the insert of an audit event), mid-transaction.</summary>
    public CommandFault Fault { get; } = new();

    /// <summary>Test-only hook: runs once, just before the next transaction begins (e.g. a concurrent write from elsewhere).</summary>
    public TransactionStartHook BeforeTransaction { get; } = new();

    /// <summary>Everything the host logged.</summary>
    public LogCapture Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Host settings reach Program.cs before services are registered (WebApplicationFactory passes them as arguments).
        builder.UseEnvironment(Settings.Environment);
        builder.UseSetting("Database:Provider", Settings.Provider);
        builder.UseSetting("ConnectionStrings:Propilas",
            PostgresDatabase is { } database ? TestPostgres.ConnectionString(database) : $"Data Source={DatabaseFile}");
        builder.UseSetting("DataProtection:KeysFolder", KeysFolder);
        builder.UseSetting("Notifications:PickupFolder", Path.Combine(Folder, "mail-pickup"));
        builder.UseSetting("Seed:Pilots", Settings.SeedPilots ? "true" : "false");
        // Empty rather than absent, so a password from the environment or user secrets cannot leak in.
        builder.UseSetting("Seed:DemoPassword", Settings.DemoPassword ?? "");
        if (Settings.DefinitionsFolder is not null) builder.UseSetting("Process:DefinitionsFolder", Settings.DefinitionsFolder);
        if (Settings.RulesFolder is not null) builder.UseSetting("Rules:Folder", Settings.RulesFolder);
        builder.UseSetting("SignIn:PerAddressPerMinute", Settings.SignInsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("SignIn:PerAccountPerMinute", Settings.SignInsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (key, value) in Settings.Configuration ?? new Dictionary<string, string>()) builder.UseSetting(key, value);
        builder.ConfigureLogging(l => l.AddProvider(Logs));
        builder.ConfigureTestServices(services =>
        {
            if (Time is not null)
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(Time);
            }
            services.ConfigureDbContext<PropilasDb>(o => o.AddInterceptors(Fault, BeforeTransaction));
            Settings.Services?.Invoke(services);
        });
    }

    /// <summary>Signs in through <c>POST /api/auth/login</c> and returns a client that sends the bearer token.</summary>
    public async Task<HttpClient> LoginAsync(string userName, string? password = null)
    {
        var token = await TokenAsync(userName, password ?? DemoPassword);
        return ClientWithToken(token);
    }

    public async Task<string> TokenAsync(string userName, string password)
    {
        using var anonymous = CreateClient();
        var response = await anonymous.PostAsJsonAsync("/api/auth/login", new { email = userName, password });
        Assert.True(response.IsSuccessStatusCode, $"login of '{userName}' answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var body = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        return body.GetProperty("accessToken").GetString()!;
    }

    public HttpClient ClientWithToken(string token)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A scope to look at the database directly, as the host left it.</summary>
    public async Task<T> WithDbAsync<T>(Func<PropilasDb, Task<T>> read)
    {
        await using var scope = Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<PropilasDb>());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        SqliteConnection.ClearAllPools(); // pooled connections would keep the file open
        if (Settings.KeepFolder) return;
        // Only the host that made its database drops it (others on it, Settings.PostgresDatabase set, leave it).
        if (IsPostgres && Settings.PostgresDatabase is null) TestPostgres.DropDatabaseAsync(PostgresDatabase!).GetAwaiter().GetResult();
        try { Directory.Delete(Folder, recursive: true); }
        catch (IOException) { } // best effort: a temp folder
        catch (UnauthorizedAccessException) { }
    }
}

/// <summary>The seeded Development host shared by the tests of <see cref="SeededHostCollection"/>, on a fake clock.</summary>
public sealed class SeededHost() : PropilasFactory(new HostSettings { FakeNow = DefaultNow });

[CollectionDefinition(Name)]
public sealed class SeededHostCollection : ICollectionFixture<SeededHost>
{
    public const string Name = "seeded host";
}

/// <summary>Throws when the database is asked to run a command with a statement that starts as armed: the request fails part-way through its transaction.</summary>
public sealed class CommandFault : DbCommandInterceptor
{
    private volatile string? _armed;

    public void Arm(string statementStart = "INSERT INTO \"AuditEvents\"") => _armed = statementStart;

    public void Disarm() => _armed = null;

    /// <summary>Sends a request with the fault armed, and disarms it whatever happens.</summary>
    public async Task<HttpResponseMessage> DuringAsync(Func<Task<HttpResponseMessage>> request, string statementStart = "INSERT INTO \"AuditEvents\"")
    {
        Arm(statementStart);
        try
        {
            return await request();
        }
        finally
        {
            Disarm();
        }
    }

    public int Fired { get; private set; }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Check(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken ct = default)
    {
        Check(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Check(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken ct = default)
    {
        Check(command);
        return ValueTask.FromResult(result);
    }

    private void Check(DbCommand command)
    {
        // Contains, not starts with: PostgreSQL's provider sends a save's statements in one batch.
        if (_armed is { } start && command.CommandText.Contains(start, StringComparison.Ordinal))
        {
            Fired++;
            throw new SimulatedCrashException();
        }
    }
}

public sealed class SimulatedCrashException() : Exception("Simulated failure while writing.");

public sealed class TransactionStartHook : DbTransactionInterceptor
{
    private Func<Task>? _once;

    public void Once(Func<Task> action) => _once = action;

    public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result, CancellationToken ct = default)
    {
        if (Interlocked.Exchange(ref _once, null) is { } action) await action();
        return result;
    }
}

/// <summary>Keeps every log entry with its structured values.</summary>
public sealed class LogCapture : ILoggerProvider
{
    public ConcurrentQueue<(string Category, LogLevel Level, string Message, IReadOnlyList<KeyValuePair<string, object?>> Values)> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    private sealed class Logger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
            capture.Entries.Enqueue((category, logLevel, formatter(state, exception), values));
        }
    }
}
