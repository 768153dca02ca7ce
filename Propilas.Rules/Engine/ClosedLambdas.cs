using System.Linq.Expressions;

namespace Propilas.Rules.Engine;

/// <summary>
/// Compiles, once, every lambda nested in an expression that reads nothing from outside itself, and puts the delegate in
/// its place as a constant. A nested lambda left in the tree is turned into a delegate each time the compiled outer one
/// runs (<c>DynamicMethod.CreateDelegate</c>); a closed lambda's delegate carries no state, so one instance serves every run.
/// Rule expressions use it (e.g. <c>Where(g => g.NumericTarget == null)</c>).
/// </summary>
/// <remarks>
/// Left as they are: the root, lambdas that read a parameter or variable of an enclosing scope, quoted lambdas (their
/// consumer wants the expression), and anything inside a node of another library (an extension node) that this visitor
/// does not understand.
/// </remarks>
public static class ClosedLambdas
{
    public static Expression Hoist(Expression expression) => new Hoister().Visit(expression);

    private sealed class Hoister : ExpressionVisitor
    {
        private int _depth;

        protected override Expression VisitLambda<T>(Expression<T> node)
        {
            _depth++;
            var body = Visit(node.Body);
            _depth--;
            var lambda = node.Update(body, node.Parameters);
            return _depth > 0 && IsClosed(lambda) ? Expression.Constant(lambda.Compile(), typeof(T)) : lambda;
        }

        protected override Expression VisitUnary(UnaryExpression node) => node.NodeType == ExpressionType.Quote ? node : base.VisitUnary(node);

        protected override Expression VisitExtension(Expression node) => node;
    }

    private static bool IsClosed(LambdaExpression lambda)
    {
        var finder = new FreeVariableFinder();
        finder.Visit(lambda);
        return !finder.Found;
    }

    /// <summary>Finds a parameter or variable used where no enclosing lambda, block or catch of the visited tree declares it.</summary>
    private sealed class FreeVariableFinder : ExpressionVisitor
    {
        private readonly List<ParameterExpression> _inScope = [];

        public bool Found { get; private set; }

        protected override Expression VisitLambda<T>(Expression<T> node)
        {
            _inScope.AddRange(node.Parameters);
            Visit(node.Body);
            _inScope.RemoveRange(_inScope.Count - node.Parameters.Count, node.Parameters.Count);
            return node;
        }

        protected override Expression VisitBlock(BlockExpression node)
        {
            _inScope.AddRange(node.Variables);
            Visit(node.Expressions);
            _inScope.RemoveRange(_inScope.Count - node.Variables.Count, node.Variables.Count);
            return node;
        }

        protected override CatchBlock VisitCatchBlock(CatchBlock node)
        {
            if (node.Variable is { } variable) _inScope.Add(variable);
            Visit(node.Filter);
            Visit(node.Body);
            if (node.Variable is not null) _inScope.RemoveAt(_inScope.Count - 1);
            return node;
        }

        protected override Expression VisitParameter(ParameterExpression node)
        {
            if (!_inScope.Contains(node)) Found = true;
            return node;
        }

        // A node this visitor cannot see into may read anything: treat it as reading from outside.
        protected override Expression VisitExtension(Expression node)
        {
            Found = true;
            return node;
        }
    }
}
