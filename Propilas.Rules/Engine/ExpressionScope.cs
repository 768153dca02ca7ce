using RulesEngine.Models;

namespace Propilas.Rules.Engine;

/// <summary>
/// The identifiers an expression may use, in argument order: the fact, the set's parameters, then the rule's
/// computed values. Every compiled delegate of a rule reads the same argument array, by position.
/// </summary>
internal sealed class ExpressionScope
{
    private readonly List<RuleParameter> _parameters;

    private ExpressionScope(List<RuleParameter> parameters) => _parameters = parameters;

    public static ExpressionScope For(string factName, Type factType, IEnumerable<RuleParameter> setParameters) =>
        new([RuleParameter.Create(factName, factType), .. setParameters]);

    public IReadOnlyList<RuleParameter> Parameters => _parameters;

    public int Count => _parameters.Count;

    public bool Contains(string name) => _parameters.Any(p => p.Name == name);

    public ExpressionScope With(string name, Type type) => new([.. _parameters, RuleParameter.Create(name, type)]);
}
