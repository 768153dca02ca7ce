using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Propilas.Host.Database;

/// <summary>
/// SQLite lets one connection at a time write to a file. A writer that finds the file locked sleeps in SQLite's busy
/// handler (1 ms, then 2, 5, 10 ms...) on a blocked thread, then tries again, however soon the lock is free; under the
/// bench's load about one gate approval in two slept so. Writers of this process queue here instead, per file, await
/// their turn without holding a thread and start as soon as the writer before them ends; the busy handler stays for
/// writers of other processes and for statements run outside a transaction.
/// </summary>
public static class WriterQueue
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> ByFile = new(StringComparer.Ordinal);

    /// <summary>
    /// Begins a transaction once this process's earlier writers to the same file are done. The turn ends when the
    /// transaction commits, rolls back or is disposed. Never call it while holding a turn: a flow that writes in one
    /// transaction and then in another must finish the first.
    /// </summary>
    public static async Task<IDbContextTransaction> BeginWriteAsync(this DatabaseFacade database, CancellationToken ct)
    {
        if (QueueOf(database) is not { } queue) return await database.BeginTransactionAsync(ct);
        // As long as SQLite's own busy handler would wait for the lock (the connection's default timeout).
        var patience = TimeSpan.FromSeconds(((SqliteConnection)database.GetDbConnection()).DefaultTimeout);
        if (!await queue.WaitAsync(patience, ct))
            throw new TimeoutException($"Waited {patience.TotalSeconds:0} s for this process's other writers to the database to finish.");
        try
        {
            return new Turn(await database.BeginTransactionAsync(ct), queue);
        }
        catch
        {
            queue.Release();
            throw;
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> in the caller's transaction when it has one; otherwise in a transaction of its own,
    /// begun in turn (<see cref="BeginWriteAsync"/>) and committed when the work is done.
    /// </summary>
    public static Task WriteAsync(this DatabaseFacade database, Func<Task> work, CancellationToken ct) =>
        database.WriteAsync(async () =>
        {
            await work();
            return true;
        }, ct);

    /// <inheritdoc cref="WriteAsync(DatabaseFacade, Func{Task}, CancellationToken)"/>
    /// <returns>What the work returned.</returns>
    public static async Task<T> WriteAsync<T>(this DatabaseFacade database, Func<Task<T>> work, CancellationToken ct)
    {
        if (database.CurrentTransaction is not null) return await work();
        await using var transaction = await database.BeginWriteAsync(ct);
        var result = await work();
        await transaction.CommitAsync(ct);
        return result;
    }

    private static SemaphoreSlim? QueueOf(DatabaseFacade database)
    {
        if (database.GetDbConnection() is not SqliteConnection connection) return null;
        var file = connection.DataSource;
        // An in-memory database belongs to one connection: nobody to wait for.
        if (string.IsNullOrEmpty(file) || file == ":memory:") return null;
        return ByFile.GetOrAdd(Path.GetFullPath(file), _ => new SemaphoreSlim(1, 1));
    }

    /// <summary>The transaction, and this writer's turn, which it gives back exactly once.</summary>
    private sealed class Turn(IDbContextTransaction transaction, SemaphoreSlim queue) : IDbContextTransaction
    {
        private int _ended;

        public Guid TransactionId => transaction.TransactionId;

        public void Commit()
        {
            transaction.Commit();
            End();
        }

        public async Task CommitAsync(CancellationToken ct = default)
        {
            await transaction.CommitAsync(ct);
            End();
        }

        public void Rollback()
        {
            try { transaction.Rollback(); }
            finally { End(); }
        }

        public async Task RollbackAsync(CancellationToken ct = default)
        {
            try { await transaction.RollbackAsync(ct); }
            finally { End(); }
        }

        public void Dispose()
        {
            try { transaction.Dispose(); }
            finally { End(); }
        }

        public async ValueTask DisposeAsync()
        {
            try { await transaction.DisposeAsync(); }
            finally { End(); }
        }

        private void End()
        {
            if (Interlocked.Exchange(ref _ended, 1) == 0) queue.Release();
        }
    }
}
