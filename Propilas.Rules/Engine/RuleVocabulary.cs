namespace Propilas.Rules.Engine;

/// <summary>The words rule files use for severities, roles and stages.</summary>
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

    private static readonly Dictionary<string, GateStage> Stages = new()
    {
        ["preparatory"] = GateStage.Preparatory,
        ["design"] = GateStage.Design,
        ["institutional"] = GateStage.Institutional,
    };

    public static bool TryParseSeverity(string? word, out Severity severity) => Severities.TryGetValue(word ?? "", out severity);

    public static bool TryParseRole(string? word, out Role role) => Roles.TryGetValue(word ?? "", out role);

    public static bool TryParseStage(string? stageId, out GateStage stage) => Stages.TryGetValue(stageId ?? "", out stage);

    public static string StageId(GateStage stage) => Stages.First(s => s.Value == stage).Key;

    public static string RoleId(Role role) => Roles.First(r => r.Value == role).Key;

    internal static string Known<T>(Dictionary<string, T> words) => string.Join(", ", words.Keys);

    internal static string KnownSeverities => Known(Severities);
    internal static string KnownRoles => Known(Roles);
    internal static string KnownStages => Known(Stages);
}
