using System.Linq.Expressions;
using Propilas.Rules.Engine;

namespace Propilas.Rules.Tests.Engine;

/// <summary>Closed nested lambdas become compiled constants; everything else keeps its meaning and its shape.</summary>
public sealed class ClosedLambdaTests
{
    private static List<LambdaExpression> NestedLambdas(Expression root)
    {
        var finder = new LambdaFinder();
        finder.Visit(root);
        return finder.Found.Where(l => l != root).ToList();
    }

    private sealed class LambdaFinder : ExpressionVisitor
    {
        public List<LambdaExpression> Found { get; } = [];

        protected override Expression VisitLambda<T>(Expression<T> node)
        {
            Found.Add(node);
            return base.VisitLambda(node);
        }
    }

    [Fact]
    public void A_lambda_that_reads_only_its_own_parameters_is_compiled_once_into_a_constant()
    {
        Expression<Func<int[], int>> tree = xs => xs.Select(x => x * 2).Sum();

        var hoisted = (Expression<Func<int[], int>>)ClosedLambdas.Hoist(tree);

        Assert.Empty(NestedLambdas(hoisted));
        Assert.Equal(12, hoisted.Compile()([1, 2, 3]));
    }

    [Fact]
    public void A_lambda_that_reads_an_enclosing_parameter_stays_while_closed_ones_inside_it_are_compiled()
    {
        Expression<Func<int[], int, int>> tree = (xs, k) => xs.Select(x => x * k + xs.Select(y => y + 1).Sum()).Sum();

        var hoisted = (Expression<Func<int[], int, int>>)ClosedLambdas.Hoist(tree);

        // x => ... reads k (and xs), so it stays; y => y + 1 reads nothing outside and is compiled.
        var nested = Assert.Single(NestedLambdas(hoisted));
        Assert.Equal("x", nested.Parameters.Single().Name);
        Assert.Equal(tree.Compile()([1, 2, 3], 10), hoisted.Compile()([1, 2, 3], 10));
    }

    [Fact]
    public void A_lambda_that_reads_a_variable_of_an_enclosing_block_stays()
    {
        var offset = Expression.Variable(typeof(int), "offset");
        var x = Expression.Parameter(typeof(int), "x");
        var xs = Expression.Parameter(typeof(int[]), "xs");
        var addOffset = Expression.Lambda<Func<int, int>>(Expression.Add(x, offset), x);
        var select = typeof(Enumerable).GetMethods().First(m => m.Name == "Select" && m.GetParameters()[1].ParameterType.GetGenericArguments().Length == 2)
            .MakeGenericMethod(typeof(int), typeof(int));
        var sum = typeof(Enumerable).GetMethod("Sum", [typeof(IEnumerable<int>)])!;
        var tree = Expression.Lambda<Func<int[], int>>(
            Expression.Block([offset], Expression.Assign(offset, Expression.Constant(100)), Expression.Call(sum, Expression.Call(select, xs, addOffset))),
            xs);

        var hoisted = (Expression<Func<int[], int>>)ClosedLambdas.Hoist(tree);

        Assert.Same(addOffset, Assert.Single(NestedLambdas(hoisted)));
        Assert.Equal(306, hoisted.Compile()([1, 2, 3]));
    }

    [Fact]
    public void A_quoted_lambda_stays_an_expression_for_its_query_provider()
    {
        Expression<Func<IQueryable<int>, int>> tree = q => q.Select(x => x * 2).Sum();

        var hoisted = (Expression<Func<IQueryable<int>, int>>)ClosedLambdas.Hoist(tree);

        Assert.Single(NestedLambdas(hoisted));
        Assert.Equal(12, hoisted.Compile()(new[] { 1, 2, 3 }.AsQueryable()));
    }
}
