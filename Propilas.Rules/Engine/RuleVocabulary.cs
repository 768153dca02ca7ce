namespace Propilas.Rules.Engine;

/// <summary>The words rule files use for severities and roles.</summary>
public static class RuleVocabulary
{
    private static readonly Dictionary<string, Severity> Severities = new()
    {
        ["info"] = Severity.Info,
        ["warning"] = Severity.Warning,
        ["critical"] = Severity.Critical,
    };

    private static readonly Dictionary<string, Role> Roles = new()
    {
        ["coordinator"] = Role.Coordinator,
        ["mayor"] = Role.Mayor,
        ["alderman"] = Role.Alderman,
        ["atm"] = Role.Atm,
        ["health-post"] = Role.HealthPost,
    };

    public static bool TryParseSeverity(string? word, out Severity severity) => Severities.TryGetValue(word ?? "", out severity);

    public static bool TryParseRole(string? word, out Role role) => Roles.TryGetValue(word ?? "", out role);

    public static string RoleId(Role role) => Roles.First(r => r.Value == role).Key;

    internal static string Known<T>(Dictionary<string, T> words) => string.Join(", ", words.Keys);

    internal static string KnownSeverities => Known(Severities);
    internal static string KnownRoles => Known(Roles);
}
