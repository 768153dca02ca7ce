namespace Propilas.Host.Common;

public static class Decimals
{
    /// <summary>
    /// The value with no trailing zeros: SQLite gives back 3618342 as 3618342.0, and answers (and audit snapshots)
    /// must not depend on whether a value was read back from the database.
    /// </summary>
    public static decimal Plain(this decimal value) => value / 1.0000000000000000000000000000m;

    public static decimal? Plain(this decimal? value) => value?.Plain();
}
