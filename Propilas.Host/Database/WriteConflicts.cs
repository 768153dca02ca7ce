using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Propilas.Host.Database;

public static class WriteConflicts
{
    /// <summary>
    /// Someone else wrote first: a changed version token, or a unique key (one record per district) taken meanwhile.
    /// On PostgreSQL also a serialization failure or a deadlock, where the other writer won.
    /// </summary>
    public static bool IsConflict(this DbUpdateException e) =>
        e is DbUpdateConcurrencyException || e.InnerException is SqliteException { SqliteErrorCode: 19 }
        || e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected };
}
