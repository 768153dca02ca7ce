namespace Propilas.Tests;

/// <summary>
/// The PROPILAS report's tables (<c>tests/report-tables/</c>), copied beside the test binaries, so that a clone
/// anywhere runs its tests with nothing beside it.
/// </summary>
internal static class ReportTables
{
    public static string File(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "report-tables", name);
        if (!System.IO.File.Exists(path))
            throw new FileNotFoundException($"The report table {name} is not beside the test binaries ({path}).", path);
        return path;
    }
}
