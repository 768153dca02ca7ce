using System.Text.Json;

namespace Propilas.Rules.Tests.RuleSets;

/// <summary>
/// Which rules guard which gate is the workflow definition's to say (a stage's <c>gate.conditions</c>), not the rule
/// files': read from the shipped definition, as the host does.
/// </summary>
public static class ShippedGates
{
    private static readonly Lazy<Dictionary<string, IReadOnlySet<string>>> Gates = new(() =>
    {
        using var document = JsonDocument.Parse(File.ReadAllText(
            Path.Combine(AppContext.BaseDirectory, "workflows", "propilas-strategic-plan.v2.json")));
        return document.RootElement.GetProperty("stages").EnumerateArray().ToDictionary(
            stage => stage.GetProperty("id").GetString()!,
            stage => (IReadOnlySet<string>)stage.GetProperty("gate").GetProperty("conditions").EnumerateArray()
                .Select(c => c.GetString()!).ToHashSet());
    });

    public static IReadOnlyDictionary<string, IReadOnlySet<string>> All => Gates.Value;

    public static IReadOnlySet<string> Conditions(string stage) => Gates.Value[stage];
}
