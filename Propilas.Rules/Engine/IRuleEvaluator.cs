using Propilas.Rules.Facts;

namespace Propilas.Rules.Engine;

/// <summary>Evaluates the loaded rule sets. Thread-safe; build once at start-up and share.</summary>
public interface IRuleEvaluator
{
    IReadOnlyList<RuleDescriptor> Rules { get; }

    /// <summary>The loaded rule with this id (ids are unique across files), or null.</summary>
    RuleDescriptor? Find(string ruleId);

    /// <summary>The rules over this fact's type that hold for it.</summary>
    IReadOnlyList<RuleOutcome> Evaluate<TFact>(TFact fact) where TFact : class, IRuleFact;

    /// <summary>
    /// Only the named rules over this fact that hold. What a condition check runs: the facts may be built for those rules
    /// alone (<see cref="RuleDescriptor.FactMembers"/>), so no other rule may read them.
    /// </summary>
    IReadOnlyList<RuleOutcome> Evaluate(IRuleFact fact, IReadOnlySet<string> ruleIds);
}
