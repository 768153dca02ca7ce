using System.Text.Json.Nodes;
using Propilas.Workflows.Definitions;

namespace Propilas.RulesBench;

/// <summary>Valid evidence for any step, from its field types: enough to walk a definition to its end.</summary>
public static class Evidence
{
    public static JsonObject For(StepDefinition step)
    {
        var evidence = new JsonObject();
        foreach (var field in step.Evidence.Where(f => f.Required))
            evidence[field.Name] = field.Type switch
            {
                EvidenceType.Integer => 5,
                EvidenceType.Decimal => 1000m,
                EvidenceType.Boolean => true,
                EvidenceType.Date => "2026-01-15",
                EvidenceType.TextList => new JsonArray("uno", "dos"),
                EvidenceType.DateList => new JsonArray("2026-01-15"),
                _ => "texto",
            };
        return evidence;
    }
}
