using RulesEngine.Models;

namespace Propilas.Rules.Engine;

/// <summary>The RulesEngine settings every rule expression is parsed and compiled with.</summary>
public static class RuleSecurity
{
    /// <summary>Types rule expressions may name, beyond those Dynamic LINQ predefines; <see cref="ExpressionGuard"/> narrows the rest.</summary>
    public static IReadOnlyList<Type> AllowedCustomTypes { get; } = [.. FactCatalog.DomainTypes, typeof(Math)];

    public static ReSettings CreateSettings() => new()
    {
        // Input types are NOT made callable just because they are passed in; only the allow-list is.
        AutoRegisterInputType = false,
        CustomTypes = [.. AllowedCustomTypes],
        IsExpressionCaseSensitive = true,
        // Despite its name, true makes parse errors throw. With false, RulesEngine 6 silently
        // replaces an unparsable expression by the constant false: a typo would disable a rule.
        EnableExceptionAsErrorMessageForRuleExpressionParsing = true,
        EnableExceptionAsErrorMessage = false,
        IgnoreException = false,
        EnableScopedParams = true,
    };
}
