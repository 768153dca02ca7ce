using Propilas.Rules.Engine;
using Propilas.Rules.Facts;
using Propilas.Workflows;
using Propilas.Workflows.Runtime;

namespace Propilas.Host.Rules;

/// <summary>Builds the facts one kind of gate rule reads, for the instance whose gate is being decided.</summary>
public interface IGateFactsProvider
{
    Type FactType { get; }

    Task<IRuleFact> BuildAsync(GateContext context, CancellationToken ct);
}

/// <summary>
/// The gate conditions a definition names (<c>gate.conditions</c>) are rule ids: each is evaluated on the facts its
/// rule set reads, built by the provider for that fact type. A rule that holds is an unmet condition, with its message.
/// </summary>
public sealed class RulesGateConditions(IRuleEvaluator rules, IEnumerable<IGateFactsProvider> providers) : IGateConditionEvaluator
{
    public async ValueTask<IReadOnlyList<UnmetCondition>> EvaluateAsync(GateContext context, CancellationToken ct)
    {
        var conditions = context.Stage.Gate.Conditions.ToHashSet();
        if (conditions.Count == 0) return [];
        var unmet = new List<UnmetCondition>();
        foreach (var factType in rules.Rules.Where(r => conditions.Contains(r.Id)).Select(r => r.FactType).Distinct())
        {
            var provider = providers.FirstOrDefault(p => p.FactType == factType)
                ?? throw new InvalidOperationException($"No gate facts provider for {factType.Name}, needed by the gate of stage '{context.Stage.Id}'.");
            var fact = await provider.BuildAsync(context, ct);
            unmet.AddRange(rules.Evaluate(fact)
                .Where(o => conditions.Contains(o.RuleId))
                .Select(o => new UnmetCondition(o.RuleId, new Propilas.Workflows.LocalizedText(o.Message.Es, o.Message.En))));
        }
        return unmet;
    }

    /// <summary>Every condition a definition names must be a rule: checked at start-up, so a typo cannot open a gate.</summary>
    public static void CheckDefinitions(IEnumerable<Propilas.Workflows.Definitions.WorkflowDefinition> definitions, IRuleEvaluator rules)
    {
        var known = rules.Rules.Select(r => r.Id).ToHashSet();
        var missing = (from d in definitions
                       from s in d.Stages
                       from c in s.Gate.Conditions
                       where !known.Contains(c)
                       select $"{d} stage '{s.Id}': gate condition '{c}' is not a rule in workflows/rules").ToList();
        if (missing.Count > 0) throw new InvalidOperationException("Unknown gate conditions:\n  " + string.Join("\n  ", missing));
    }
}
