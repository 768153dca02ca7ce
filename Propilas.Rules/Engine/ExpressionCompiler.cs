using System.Linq.Expressions;
using RulesEngine.ExpressionBuilders;
using RulesEngine.Models;

namespace Propilas.Rules.Engine;

/// <summary>A rule expression compiled once into a delegate over the rule's argument array.</summary>
/// <param name="UsedMembers">Members read straight off a scope name, as <c>name.Member</c>.</param>
internal sealed record CompiledExpression<T>(Func<object[], T> Invoke, Type ResultType, IReadOnlySet<string> UsedNames, IReadOnlySet<string> UsedMembers);

/// <summary>
/// Parses with RulesEngine's <see cref="RuleExpressionParser"/> (Dynamic LINQ with our <see cref="ReSettings"/>),
/// checks the tree with <see cref="ExpressionGuard"/>, then compiles that same tree.
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
            var parameters = ruleParameters.Select(p => p.ParameterExpression).ToArray();
            var parsed = _parser.Parse(expression, parameters, returnType);
            var (used, members) = ExpressionGuard.Check(parsed, ruleParameters.Select(p => p.Name));
            return new CompiledExpression<T>(OverArguments<T>(parsed, parameters).Compile(), parsed.Type, used, members);
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

    /// <summary>
    /// The parsed expression as a delegate over the rule's argument array, as RulesEngine's own compile wraps it (each
    /// parameter a block variable read from its slot), with closed nested lambdas compiled once (<see cref="ClosedLambdas"/>).
    /// </summary>
    private static Expression<Func<object[], T>> OverArguments<T>(Expression parsed, ParameterExpression[] parameters)
    {
        var args = Expression.Parameter(typeof(object[]), "args");
        var reads = parameters.Select((p, i) => (Expression)Expression.Assign(p, Expression.Convert(Expression.ArrayIndex(args, Expression.Constant(i)), p.Type)));
        var result = parsed.Type == typeof(T) ? parsed : Expression.Convert(parsed, typeof(T));
        var lambda = Expression.Lambda<Func<object[], T>>(Expression.Block(parameters, reads.Append(result)), args);
        return (Expression<Func<object[], T>>)ClosedLambdas.Hoist(lambda);
    }
}

/// <summary>A part of one rule does not compile; the loader adds the file, the rule and the part.</summary>
internal sealed class RuleCompileException(string message, Exception? inner = null) : Exception(message, inner);
