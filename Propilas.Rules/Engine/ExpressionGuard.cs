using System.Collections;
using System.Linq.Expressions;
using System.Reflection;
using Propilas.Rules.Facts;

namespace Propilas.Rules.Engine;

/// <summary>
/// Second line of defence after RulesEngine's custom-type allow-list, which still lets an expression reach
/// <c>"x".GetType().Assembly</c> (object's members are always accessible) and <c>DateTime.Now</c>.
/// Walks the parsed expression and refuses any member or method outside a small allow-list, innermost first
/// so the error names the cause (GetType rather than what it led to).
/// </summary>
internal sealed class ExpressionGuard : ExpressionVisitor
{
    private static readonly HashSet<Type> AllowedDeclaringTypes =
    [
        .. FactCatalog.DomainTypes,
        typeof(string), typeof(bool), typeof(char), typeof(byte), typeof(short), typeof(int), typeof(long),
        typeof(float), typeof(double), typeof(decimal),
        typeof(DateOnly), typeof(DateTime), typeof(DateTimeOffset), typeof(TimeSpan),
        typeof(Math), typeof(Enumerable), typeof(Nullable<>),
        typeof(IEnumerable), typeof(IEnumerable<>), typeof(ICollection<>), typeof(IReadOnlyCollection<>),
        typeof(IReadOnlyList<>), typeof(IList<>), typeof(List<>), typeof(IReadOnlySet<>), typeof(ISet<>), typeof(HashSet<>),
    ];

    private static readonly HashSet<string> ObjectMethods = [nameof(ToString), nameof(Equals), nameof(GetHashCode)];

    // Rules see time only through the day counts the host computes from its TimeProvider.
    private static readonly HashSet<string> ClockMembers = ["Now", "UtcNow", "Today"];

    private readonly HashSet<string> _scopeNames;
    private readonly HashSet<string> _used = [];
    private readonly HashSet<string> _members = [];

    private ExpressionGuard(IEnumerable<string> scopeNames) => _scopeNames = [.. scopeNames];

    /// <summary>
    /// Throws <see cref="RefusedExpressionException"/> if the expression reaches outside the allow-list; returns the scope
    /// names it uses and the members it reads straight off them (<c>district.Invited</c>).
    /// </summary>
    public static (IReadOnlySet<string> Names, IReadOnlySet<string> Members) Check(Expression expression, IEnumerable<string> scopeNames)
    {
        var guard = new ExpressionGuard(scopeNames);
        guard.Visit(expression);
        return (guard._used, guard._members);
    }

    protected override Expression VisitParameter(ParameterExpression node)
    {
        if (node.Name is { } name && _scopeNames.Contains(name)) _used.Add(name);
        return base.VisitParameter(node);
    }

    protected override Expression VisitMember(MemberExpression node)
    {
        if (node.Expression is ParameterExpression { Name: { } name } && _scopeNames.Contains(name)) _members.Add($"{name}.{node.Member.Name}");
        var visited = base.VisitMember(node);
        Allow(node.Member);
        return visited;
    }

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        var visited = base.VisitMethodCall(node);
        Allow(node.Method);
        return visited;
    }

    protected override Expression VisitNew(NewExpression node)
    {
        var visited = base.VisitNew(node);
        if (node.Constructor is { } constructor) Allow(constructor);
        return visited;
    }

    protected override Expression VisitUnary(UnaryExpression node)
    {
        var visited = base.VisitUnary(node);
        if (node.Method is { } method) Allow(method);
        return visited;
    }

    protected override Expression VisitBinary(BinaryExpression node)
    {
        var visited = base.VisitBinary(node);
        if (node.Method is { } method) Allow(method);
        return visited;
    }

    protected override Expression VisitConstant(ConstantExpression node)
    {
        if (node.Value is Type or MemberInfo or Assembly or Module or Delegate)
            throw new RefusedExpressionException($"a constant of type {node.Value.GetType().Name} is not allowed");
        return base.VisitConstant(node);
    }

    protected override Expression VisitInvocation(InvocationExpression node) =>
        throw new RefusedExpressionException("invoking a delegate is not allowed");

    private static void Allow(MemberInfo member)
    {
        var declaring = member.DeclaringType
            ?? throw new RefusedExpressionException($"'{member.Name}' is not allowed");
        var name = $"{declaring.Name}.{member.Name}";

        if (declaring == typeof(object) || declaring == typeof(Enum) || declaring == typeof(ValueType))
        {
            if (ObjectMethods.Contains(member.Name)) return;
            throw new RefusedExpressionException($"'{name}' is not allowed (no reflection in rules)");
        }
        if ((declaring == typeof(DateTime) || declaring == typeof(DateTimeOffset)) && ClockMembers.Contains(member.Name))
            throw new RefusedExpressionException($"'{name}' is not allowed: rules read time only from the day counts in their facts");

        var open = declaring.IsGenericType ? declaring.GetGenericTypeDefinition() : declaring;
        if (!AllowedDeclaringTypes.Contains(open))
            throw new RefusedExpressionException($"'{name}' is not allowed: rules may only use their facts and a few safe helpers");
    }
}

internal sealed class RefusedExpressionException(string message) : Exception(message);
