using System.Globalization;
using System.Text.Json;
using RulesEngine.Models;

namespace Propilas.Rules.Engine;

/// <summary>Validates and compiles one rule file, adding every problem it finds to <c>errors</c>.</summary>
internal static class RuleSetCompiler
{
    public static CompiledRuleSet? Compile(string file, RuleSetDocument document, ExpressionCompiler compiler, List<RuleLoadError> errors)
    {
        var errorsBefore = errors.Count;
        void Error(string? ruleId, string error) => errors.Add(new RuleLoadError(file, ruleId, error));

        if (!RuleNames.IsSetId(document.Id)) Error(null, $"'id' must be a lower-case id such as 'water-boards', not '{document.Id}'");
        if (!FactCatalog.TryFind(document.Fact, out var factType))
        {
            Error(null, $"unknown fact '{document.Fact}' (known: {FactCatalog.KnownNames})");
            return null;
        }
        var factName = document.Fact!;

        var parameters = new List<KeyValuePair<string, object>>();
        foreach (var (name, value) in document.Parameters ?? [])
        {
            if (RuleNames.ProblemWithIdentifier(name) is { } problem) Error(null, $"parameter {problem}");
            else if (name == factName) Error(null, $"parameter '{name}' hides the fact of the same name");
            else if (ParseNumber(value) is { } number) parameters.Add(new(name, number));
            else Error(null, $"parameter '{name}' must be a number, not {value.ValueKind}");
        }

        if (document.Rules is null || document.Rules.Count == 0)
        {
            Error(null, "the file has no rules");
            return null;
        }
        if (errors.Count > errorsBefore) return null;

        var scope = ExpressionScope.For(factName, factType, parameters.Select(p => new RuleParameter(p.Key, p.Value)));
        var context = new RuleSetContext(document.Id!, file, factType, scope);
        var used = new HashSet<string>();
        var rules = new List<CompiledRule>();
        var ids = new HashSet<string>();
        foreach (var (rule, index) in document.Rules.Select((r, i) => (r, i)))
        {
            var label = rule.Id ?? $"#{index + 1}";
            if (!RuleNames.IsRuleId(rule.Id))
            {
                Error(label, "'id' must be a stable dotted id such as 'water-board.visit-overdue'");
                continue;
            }
            if (!ids.Add(rule.Id!))
            {
                Error(rule.Id, "duplicate rule id in this file");
                continue;
            }
            try
            {
                rules.Add(RuleCompiler.Compile(rule, context, compiler, used));
            }
            catch (RuleCompileException e)
            {
                Error(rule.Id, e.Message);
            }
        }

        if (errors.Count > errorsBefore) return null;
        // Only meaningful once every rule compiled: a broken rule's uses are unknown.
        foreach (var unused in parameters.Select(p => p.Key).Where(p => !used.Contains(p)))
            Error(null, $"parameter '{unused}' is not used by any rule");
        if (errors.Count > errorsBefore) return null;
        var argumentCount = scope.Count + document.Rules.Max(RuleCompiler.ComputedCount);
        return new CompiledRuleSet(document.Id!, file, factType, parameters, argumentCount, rules);
    }

    /// <summary>Whole numbers become int (day and installment counts), others decimal (rates, shares, money).</summary>
    private static object? ParseNumber(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Number) return null;
        var raw = value.GetRawText();
        if (!raw.Contains('.') && !raw.Contains('e') && !raw.Contains('E') && value.TryGetInt32(out var whole)) return whole;
        return decimal.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture);
    }
}
