using RulesEngine.ExpressionBuilders;
using RulesEngine.Models;

namespace Propilas.Rules.Engine;

/// <summary>A rule expression compiled once into a delegate over the rule's argument array.</summary>
/// <param name="UsedMembers">Members read straight off a scope name, as <c>name.Member</c>.</param>
internal sealed record CompiledExpression<T>(Func<object[], T> Invoke, Type ResultType, IReadOnlySet<string> UsedNames, IReadOnlySet<string> UsedMembers);

/// <summary>
/// Parses with RulesEngine's <see cref="RuleExpressionParser"/> (Dynamic LINQ with our <see cref="ReSettings"/>),
/// checks the tree with <see cref="ExpressionGuard"/>, then compiles it through the same parser.
/// </summary>
internal sealed class ExpressionCompiler(ReSettings settings)
{
    private readonly RuleExpressionParser _parser = new(settings);

    public CompiledExpression<bool> CompileCondition(string expression, ExpressionScope scope) => Compile<bool>(expression, scope, typeof(bool));

    public CompiledExpression<object> CompileValue(string expression, ExpressionScope scope) => Compile<object>(expression, scope, returnType: null);

    private CompiledExpression<T> Compile<T>(string expression, ExpressionScope scope, Type? returnType)
    {
        if (string.IsNullOrWhiteSpace(expression)) throw new RuleCompileException("the expression is empty");
        var ruleParameters = scope.Parameters.ToArray();
        try
        {
            var parsed = _parser.Parse(expression, [.. ruleParameters.Select(p => p.ParameterExpression)], returnType);
            var (used, members) = ExpressionGuard.Check(parsed, ruleParameters.Select(p => p.Name));
            var invoke = _parser.Compile<T>(expression, ruleParameters);
            return new CompiledExpression<T>(invoke, parsed.Type, used, members);
        }
        catch (RefusedExpressionException e)
        {
            throw new RuleCompileException($"refused: {e.Message}", e);
        }
        catch (Exception e) when (e is not RuleCompileException)
        {
            throw new RuleCompileException(e.Message, e);
        }
    }
}

/// <summary>A part of one rule does not compile; the loader adds the file, the rule and the part.</summary>
internal sealed class RuleCompileException(string message, Exception? inner = null) : Exception(message, inner);
