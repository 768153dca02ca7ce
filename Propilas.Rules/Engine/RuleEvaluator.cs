using Propilas.Rules.Facts;

namespace Propilas.Rules.Engine;

/// <summary>Runs the compiled rule sets of a <see cref="RuleBook"/>; allocates only for rules that hold.</summary>
public sealed class RuleEvaluator : IRuleEvaluator
{
    private readonly Dictionary<Type, CompiledRuleSet[]> _setsByFactType;
    private readonly Dictionary<string, RuleDescriptor> _byId;

    public RuleEvaluator(RuleBook book)
    {
        Rules = book.Rules;
        _setsByFactType = book.Sets.GroupBy(s => s.FactType).ToDictionary(g => g.Key, g => g.ToArray());
        _byId = book.Rules.ToDictionary(r => r.Id);
    }

    public IReadOnlyList<RuleDescriptor> Rules { get; }

    public RuleDescriptor? Find(string ruleId) => _byId.GetValueOrDefault(ruleId);

    public IReadOnlyList<RuleOutcome> Evaluate<TFact>(TFact fact) where TFact : class, IRuleFact => Run(fact, _ => true);


    public IReadOnlyList<RuleOutcome> Evaluate(IRuleFact fact, IReadOnlySet<string> ruleIds) => Run(fact, rule => ruleIds.Contains(rule.Id));

    private IReadOnlyList<RuleOutcome> Run(IRuleFact fact, Func<RuleDescriptor, bool> runs)
    {
        ArgumentNullException.ThrowIfNull(fact);
        if (!_setsByFactType.TryGetValue(fact.GetType(), out var sets)) return [];

        List<RuleOutcome>? outcomes = null;
        var evaluated = new FactInEvaluation(fact);
        foreach (var set in sets)
        {
            var args = set.ArgumentsFor(fact);
            foreach (var rule in set.Rules)
            {
                if (!runs(rule.Descriptor)) continue;
                if (rule.Evaluate(args, evaluated) is { } outcome) (outcomes ??= []).Add(outcome);
            }
        }
        return outcomes ?? (IReadOnlyList<RuleOutcome>)[];
    }
}
