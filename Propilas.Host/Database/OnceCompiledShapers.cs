#pragma warning disable EF9100 // EF marks this hook experimental; it is the one place between a query's finished executor tree and its compilation
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Storage;
using Propilas.Rules.Engine;

namespace Propilas.Host.Database;

/// <summary>
/// EF Core 10 leaves a query's shaper (and other helpers) as lambdas nested in the executor it compiles, so every
/// execution builds their delegates again: <c>DynamicMethod.CreateDelegate</c> was 3.3 % of the host's CPU during a gate
/// approval, about once per statement. After EF inlines its constants, the closed nested lambdas are compiled once
/// (<see cref="ClosedLambdas"/>).
/// </summary>
public sealed class OnceCompiledShapers(
    ShapedQueryCompilingExpressionVisitorDependencies dependencies,
    RelationalShapedQueryCompilingExpressionVisitorDependencies relationalDependencies,
    RelationalCommandBuilderDependencies commandBuilderDependencies)
    : RelationalLiftableConstantProcessor(dependencies, relationalDependencies, commandBuilderDependencies)
{
    public override Expression InlineConstants(Expression expression, bool supportsPrecompiledQuery) =>
        ClosedLambdas.Hoist(base.InlineConstants(expression, supportsPrecompiledQuery));
}
