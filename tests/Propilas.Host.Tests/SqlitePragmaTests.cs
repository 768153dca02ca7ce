using Microsoft.EntityFrameworkCore;

namespace Propilas.Host.Tests;

/// <summary>The pragmas are set once per native connection; every connection the pool hands out must still carry them.</summary>
public sealed class SqlitePragmaTests
{
    private static async Task<(long Synchronous, long BusyTimeout, string JournalMode)> PragmasAsync(PropilasFactory host) =>
        await host.WithDbAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            try
            {
                await using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA synchronous";
                var synchronous = (long)(await command.ExecuteScalarAsync())!;
                command.CommandText = "PRAGMA busy_timeout";
                var busy = (long)(await command.ExecuteScalarAsync())!;
                command.CommandText = "PRAGMA journal_mode";
                return (synchronous, busy, (string)(await command.ExecuteScalarAsync())!);
            }
            finally
            {
                await connection.CloseAsync();
            }
        });

    [Fact]
    public async Task Every_connection_from_the_pool_runs_in_WAL_with_normal_sync_and_a_busy_timeout()
    {
        await using var host = new PropilasFactory(new HostSettings { FakeNow = PropilasFactory.DefaultNow });

        // NORMAL is 1; the first read may open a new native connection, the next ones come back from the pool.
        for (var i = 0; i < 3; i++) Assert.Equal((1L, 30000L, "wal"), await PragmasAsync(host));
        await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ => Assert.Equal((1L, 30000L, "wal"), await PragmasAsync(host))));
    }
}
