using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Propilas.Host.Database;

public static class WriteConflicts
{
    /// <summary>Someone else wrote first: a changed version token, or a unique key (one record per district) taken meanwhile.</summary>
    public static bool IsConflict(this DbUpdateException e) =>
        e is DbUpdateConcurrencyException || e.InnerException is SqliteException { SqliteErrorCode: 19 };
}
