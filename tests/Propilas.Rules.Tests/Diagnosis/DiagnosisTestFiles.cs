using Propilas.Rules.Diagnosis;

namespace Propilas.Rules.Tests.Diagnosis;

internal static class DiagnosisTestFiles
{
    public static string SeedDiagnosis(string fileName) =>
        Path.Combine(AppContext.BaseDirectory, "seed", "diagnosis", fileName);

    public static string SustainabilityRulesPath =>
        Path.Combine(AppContext.BaseDirectory, SustainabilityRulesLoader.DefaultRelativePath);

    public static SustainabilityRules ShippedRules() => SustainabilityRulesLoader.LoadFile(SustainabilityRulesPath);

    /// <summary>The shared domain file, found by walking up from the test binaries.</summary>
    public static string SharedDistrictsCsv()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "domain", "districts.csv");
            if (File.Exists(candidate)) return candidate;
        }
        Assert.Fail($"shared/domain/districts.csv not found in any parent of {AppContext.BaseDirectory}");
        return null!;
    }
}
