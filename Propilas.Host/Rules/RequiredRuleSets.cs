using Propilas.Rules.Engine;

namespace Propilas.Host.Rules;

/// <summary>A rule set some code runs or reads (its id, the file's <c>"id"</c>), and who relies on it.</summary>
public sealed record RuleSetRequirement(string RuleSetId, string RequiredBy);

/// <summary>
/// The rule sets the host's code relies on. Each user declares its own (<see cref="RequireRuleSet"/>; alert sources through
/// <c>AddAlertSource</c>), and start-up refuses to run when one is not loaded: without its file the host would serve
/// errors, and its alert pass would take every live alert of those rules for cleared. (The rules a definition names as
/// conditions are checked by <see cref="RulesGateConditions.CheckDefinitions"/>.)
/// </summary>
public static class RequiredRuleSets
{
    public static IServiceCollection RequireRuleSet(this IServiceCollection services, string ruleSetId, string requiredBy) =>
        services.AddSingleton(new RuleSetRequirement(ruleSetId, requiredBy));

    /// <exception cref="RuleLoadException">Naming each missing file (a set's file is named after its id) and the folder.</exception>
    public static void Check(RuleBook book, string folder, IEnumerable<RuleSetRequirement> requirements)
    {
        var loaded = book.RuleSetIds.ToHashSet();
        var missing = requirements.Where(r => !loaded.Contains(r.RuleSetId)).GroupBy(r => r.RuleSetId)
            .Select(g => new RuleLoadError($"{g.Key}.json", null,
                $"rule set '{g.Key}' not found in {folder}; required by {string.Join(", ", g.Select(r => r.RequiredBy).Distinct())}"))
            .ToList();
        if (missing.Count > 0) throw new RuleLoadException(missing);
    }
}
