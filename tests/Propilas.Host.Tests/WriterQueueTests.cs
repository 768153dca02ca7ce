using Microsoft.EntityFrameworkCore;
using Propilas.Host.Database;

namespace Propilas.Host.Tests;

/// <summary>Writers of one process to one SQLite file take turns; every way a transaction ends gives the turn back.</summary>
public sealed class WriterQueueTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("propilas-writers-").FullName;

    private PropilasDb Open(string file = "queue.db") =>
        new(new DbContextOptionsBuilder<PropilasDb>().UseSqlite($"Data Source={Path.Combine(_folder, file)}").Options);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static async Task AssertWaitingAsync(Task task) =>
        Assert.NotSame(task, await Task.WhenAny(task, Task.Delay(300)));

    private static async Task AssertProceedsAsync(Task task) =>
        Assert.Same(task, await Task.WhenAny(task, Task.Delay(TimeSpan.FromSeconds(10))));

    [Fact]
    public async Task A_second_writer_to_the_same_file_waits_until_the_first_commits()
    {
        await using PropilasDb first = Open(), second = Open();
        await using var held = await first.Database.BeginWriteAsync(CancellationToken.None);

        var waiting = second.Database.BeginWriteAsync(CancellationToken.None);
        await AssertWaitingAsync(waiting);

        await held.CommitAsync();
        await AssertProceedsAsync(waiting);
        await using var next = await waiting;
        await next.CommitAsync();
    }

    [Fact]
    public async Task A_transaction_disposed_without_commit_or_rollback_gives_its_turn_back()
    {
        await using PropilasDb first = Open(), second = Open();
        var held = await first.Database.BeginWriteAsync(CancellationToken.None);

        var waiting = second.Database.BeginWriteAsync(CancellationToken.None);
        await AssertWaitingAsync(waiting);

        await held.DisposeAsync(); // e.g. a conflict thrown before the commit
        await AssertProceedsAsync(waiting);
        await (await waiting).DisposeAsync();
    }

    [Fact]
    public async Task A_begin_that_fails_gives_its_turn_back()
    {
        await using PropilasDb first = Open(), second = Open();
        await using var open = await first.Database.BeginWriteAsync(CancellationToken.None);
        await open.CommitAsync();
        await first.Database.BeginTransactionAsync(); // a transaction the queue did not begin

        // EF refuses a second transaction on one context; the queue must not keep the turn it took for it.
        await Assert.ThrowsAsync<InvalidOperationException>(() => first.Database.BeginWriteAsync(CancellationToken.None));
        await first.Database.RollbackTransactionAsync();

        var next = second.Database.BeginWriteAsync(CancellationToken.None);
        await AssertProceedsAsync(next);
        await (await next).DisposeAsync();
    }

    [Fact]
    public async Task Writers_to_different_files_do_not_wait_for_each_other()
    {
        await using PropilasDb first = Open("a.db"), second = Open("b.db");
        await using var held = await first.Database.BeginWriteAsync(CancellationToken.None);

        var other = second.Database.BeginWriteAsync(CancellationToken.None);
        await AssertProceedsAsync(other);
        await (await other).DisposeAsync();
    }

    private static Task<int> TablesNamedAsync(PropilasDb db, string name) =>
        db.Database.SqlQueryRaw<int>("SELECT count(*) AS \"Value\" FROM sqlite_master WHERE name = {0}", name).SingleAsync();

    [Fact]
    public async Task Work_in_the_callers_transaction_joins_it_without_waiting_for_a_turn()
    {
        await using var db = Open();
        await using var outer = await db.Database.BeginWriteAsync(CancellationToken.None);

        var inner = db.Database.WriteAsync(() => db.Database.ExecuteSqlRawAsync("CREATE TABLE joined (x INTEGER)"), CancellationToken.None);
        await AssertProceedsAsync(inner);
        await inner;
        await outer.RollbackAsync();

        Assert.Equal(0, await TablesNamedAsync(db, "joined")); // undone with the caller's transaction
    }

    [Fact]
    public async Task Work_without_a_transaction_commits_its_own_and_gives_the_turn_back()
    {
        await using PropilasDb first = Open(), second = Open();

        await first.Database.WriteAsync(() => first.Database.ExecuteSqlRawAsync("CREATE TABLE own (x INTEGER)"), CancellationToken.None);

        Assert.Equal(1, await TablesNamedAsync(second, "own"));
        var next = second.Database.BeginWriteAsync(CancellationToken.None);
        await AssertProceedsAsync(next);
        await (await next).DisposeAsync();
    }

    [Fact]
    public async Task A_save_outside_a_transaction_takes_its_turn_on_the_queue_too()
    {
        // A one-second patience: a save that bypassed the queue would fail in SQLite's busy handler ("database is
        // locked"); one that queues gives up waiting for this process's other writer instead.
        var file = $"Data Source={Path.Combine(_folder, "save.db")};Default Timeout=1";
        PropilasDb OpenShort() => new(new DbContextOptionsBuilder<PropilasDb>().UseSqlite(file).Options);
        await using PropilasDb first = OpenShort(), second = OpenShort();
        await first.Database.EnsureCreatedAsync();
        await using var held = await first.Database.BeginWriteAsync(CancellationToken.None);

        second.AuditEvents.Add(new Propilas.Host.Common.AuditEvent { Subject = "s", Action = "a", Target = "t", By = "b", Role = "r", At = DateTimeOffset.UnixEpoch });
        var error = await Assert.ThrowsAsync<TimeoutException>(() => second.SaveChangesAsync());

        Assert.Contains("other writers", error.Message);
        await held.CommitAsync();
        await second.SaveChangesAsync();
        Assert.Equal(1, await first.AuditEvents.CountAsync());
    }
}
