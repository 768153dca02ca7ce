using Propilas.Rules.Diagnosis;

namespace Propilas.Rules.Tests.Diagnosis;

internal static class DiagnosisTestFiles
{
    public static string SeedDiagnosis(string fileName) =>
        Path.Combine(AppContext.BaseDirectory, "seed", "diagnosis", fileName);

    public static string SustainabilityRulesPath =>
        Path.Combine(AppContext.BaseDirectory, SustainabilityRulesLoader.DefaultRelativePath);

    public static SustainabilityRules ShippedRules() => SustainabilityRulesLoader.LoadFile(SustainabilityRulesPath);
}
