using Propilas.Rules.Engine;

namespace Propilas.Rules.Tests.RuleSets;

/// <summary>The rule files the product ships, copied into the test output as workflows/rules.</summary>
public static class ShippedRules
{
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "workflows", "rules");

    private static readonly Lazy<RuleBook> LazyBook = new(() => RuleBookLoader.Load(Folder));
    private static readonly Lazy<IRuleEvaluator> LazyEvaluator = new(() => new RuleEvaluator(LazyBook.Value));

    public static RuleBook Book => LazyBook.Value;

    public static IRuleEvaluator Evaluator => LazyEvaluator.Value;

    public static RuleOutcome? Outcome(this IReadOnlyList<RuleOutcome> outcomes, string ruleId) =>
        outcomes.SingleOrDefault(o => o.RuleId == ruleId);

    public static IReadOnlyList<string> Ids(this IReadOnlyList<RuleOutcome> outcomes) => [.. outcomes.Select(o => o.RuleId).Order()];
}
