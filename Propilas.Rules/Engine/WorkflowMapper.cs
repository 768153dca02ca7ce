using System.Globalization;
using System.Text.Json;
using RulesEngine.Models;

namespace Propilas.Rules.Engine;

/// <summary>
/// The RulesEngine <see cref="Workflow"/> a rule file stands for: parameters become global params, computed values
/// local params, and <c>raisesWhen</c> the rule expression (a rule "succeeds" when its alert is raised).
/// Our evaluator runs the same expressions compiled once through RulesEngine's parser; the workflow is what
/// RulesEngine itself would run, for tooling and for checking that both agree.
/// </summary>
internal static class WorkflowMapper
{
    public static Workflow ToWorkflow(RuleSetDocument document, IReadOnlyList<KeyValuePair<string, object>> parameters) => new()
    {
        WorkflowName = document.Id,
        GlobalParams = [.. parameters.Select(p => new ScopedParam { Name = p.Key, Expression = Literal(p.Value) })],
        Rules = [.. document.Rules!.Select(rule => new Rule
        {
            RuleName = rule.Id,
            Expression = rule.RaisesWhen,
            RuleExpressionType = RuleExpressionType.LambdaExpression,
            LocalParams = [.. Computed(rule)],
            Properties = Properties(rule),
        })],
    };

    private static Dictionary<string, object> Properties(RuleDocument rule)
    {
        var properties = new Dictionary<string, object> { ["severity"] = rule.Severity!, ["notifies"] = rule.Notifies! };
        if (rule.Gate is not null) properties["gate"] = rule.Gate;
        return properties;
    }

    private static IEnumerable<ScopedParam> Computed(RuleDocument rule) =>
        rule.Computed is { ValueKind: JsonValueKind.Object } computed
            ? computed.EnumerateObject().Select(c => new ScopedParam { Name = c.Name, Expression = c.Value.GetString() })
            : [];

    private static string Literal(object value) => value switch
    {
        int whole => whole.ToString(CultureInfo.InvariantCulture),
        decimal fraction => fraction.ToString(CultureInfo.InvariantCulture) + "m",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "parameters are int or decimal"),
    };
}
