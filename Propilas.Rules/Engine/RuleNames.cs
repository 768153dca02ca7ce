using System.Text.RegularExpressions;

namespace Propilas.Rules.Engine;

/// <summary>What ids and identifiers in rule files may look like.</summary>
internal static partial class RuleNames
{
    private static readonly HashSet<string> Reserved =
    [
        "it", "parent", "root", "np", "iif", "new", "true", "false", "null", "and", "or", "not", "as", "is", "in", "mod",
        .. RuleSecurity.AllowedCustomTypes.Select(t => t.Name),
    ];

    public static bool IsRuleId(string? id) => id is not null && RuleIdPattern().IsMatch(id);

    public static bool IsSetId(string? id) => id is not null && SetIdPattern().IsMatch(id);

    /// <summary>Null when the name is usable for a parameter or computed value, otherwise why not.</summary>
    public static string? ProblemWithIdentifier(string name) =>
        !IdentifierPattern().IsMatch(name) ? $"'{name}' is not an identifier (letters, digits, '_')"
        : Reserved.Contains(name) ? $"'{name}' is a reserved word or type name"
        : null;

    [GeneratedRegex(@"^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+(-[a-z0-9]+)*)+$")]
    private static partial Regex RuleIdPattern();

    [GeneratedRegex(@"^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SetIdPattern();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex IdentifierPattern();
}
