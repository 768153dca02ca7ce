using Propilas.Rules.Engine;
using Propilas.Rules.Facts;
using Propilas.Workflows;
using Propilas.Workflows.Runtime;

namespace Propilas.Host.Rules;

/// <summary>Builds the facts one kind of gate (or step) rule reads, for the instance whose gate or step is being decided.</summary>
public interface IGateFactsProvider
{
    Type FactType { get; }

    /// <param name="reads">The fact's members the conditions being checked read (<see cref="RuleDescriptor.FactMembers"/>): a
    /// provider that queries per member may leave the others empty.</param>
    Task<IRuleFact> BuildAsync(GateContext context, IReadOnlySet<string> reads, CancellationToken ct);
}

/// <summary>
/// The conditions a definition names (<c>gate.conditions</c>, and a step's <c>conditions</c>) are rule ids: each is
/// evaluated on the facts its rule set reads, built by the provider for that fact type. A rule that holds is an unmet
/// condition, with its message. Every condition must have a provider for its rule's fact type: start-up refuses
/// definitions naming a condition that could not be checked (<see cref="Unenforced"/>), so none is silently skipped.
/// </summary>
public sealed class RulesGateConditions(IRuleEvaluator rules, IEnumerable<IGateFactsProvider> providers) : IGateConditionEvaluator
{
    public async ValueTask<IReadOnlyList<UnmetCondition>> EvaluateAsync(GateContext context, CancellationToken ct)
    {
        var conditions = context.Conditions.ToHashSet();
        if (conditions.Count == 0) return [];
        var unmet = new List<UnmetCondition>();
        foreach (var byFact in rules.Rules.Where(r => conditions.Contains(r.Id)).GroupBy(r => r.FactType))
        {
            var provider = providers.FirstOrDefault(p => p.FactType == byFact.Key)
                ?? throw new InvalidOperationException($"No facts provider for {byFact.Key.Name}: the conditions of {context.Describe()} cannot be checked.");
            var fact = await provider.BuildAsync(context, byFact.SelectMany(r => r.FactMembers).ToHashSet(), ct);
            unmet.AddRange(rules.Evaluate(fact, conditions)
                .Select(o => new UnmetCondition(o.RuleId, new Propilas.Workflows.LocalizedText(o.Message.Es, o.Message.En))));
        }
        return unmet;
    }

    /// <summary>Every condition a definition names must be a rule: checked at start-up, so a typo cannot open a gate.</summary>
    public static void CheckDefinitions(IEnumerable<Propilas.Workflows.Definitions.WorkflowDefinition> definitions, IRuleEvaluator rules, string rulesFolder)
    {
        var missing = (from d in definitions
                       from named in Named(d)
                       where rules.Find(named.Condition) is null
                       select $"{d} {named.Where}: condition '{named.Condition}' is not a rule in {rulesFolder}").ToList();
        if (missing.Count > 0) throw new InvalidOperationException("Unknown gate conditions:\n  " + string.Join("\n  ", missing));
    }

    /// <summary>Conditions named by the definitions whose rule's fact type has no provider, so they are not checked.</summary>
    public static IReadOnlyList<string> Unenforced(IEnumerable<Propilas.Workflows.Definitions.WorkflowDefinition> definitions, IRuleEvaluator rules,
        IEnumerable<IGateFactsProvider> providers)
    {
        var provided = providers.Select(p => p.FactType).ToHashSet();
        return (from d in definitions
                from named in Named(d)
                let rule = rules.Find(named.Condition)
                where rule is not null && !provided.Contains(rule.FactType)
                select $"{d} {named.Where}: '{named.Condition}' ({rule.FactType.Name})").Distinct().ToList();
    }

    private static IEnumerable<(string Where, string Condition)> Named(Propilas.Workflows.Definitions.WorkflowDefinition d) =>
        d.Stages.SelectMany(s =>
            s.Gate.Conditions.Select(c => ($"gate of stage '{s.Id}'", c))
                .Concat(s.Steps.SelectMany(step => step.Conditions.Select(c => ($"step '{step.Id}'", c)))));
}
