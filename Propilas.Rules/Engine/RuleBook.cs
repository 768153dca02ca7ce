namespace Propilas.Rules.Engine;

/// <summary>All rule files of a folder, validated and compiled.</summary>
public sealed class RuleBook
{
    internal RuleBook(IReadOnlyList<CompiledRuleSet> sets, IReadOnlyList<string> skippedFiles)
    {
        Sets = sets;
        SkippedFiles = skippedFiles;
        Rules = [.. sets.SelectMany(s => s.Rules).Select(r => r.Descriptor)];
        _parameters = sets.ToDictionary(s => s.Id, s => (IReadOnlyDictionary<string, object>)s.Parameters.ToDictionary(p => p.Key, p => p.Value));
    }

    private readonly Dictionary<string, IReadOnlyDictionary<string, object>> _parameters;

    internal IReadOnlyList<CompiledRuleSet> Sets { get; }

    public IReadOnlyList<RuleDescriptor> Rules { get; }

    /// <summary>The ids of the loaded rule sets (each file's <c>"id"</c>).</summary>
    public IReadOnlyCollection<string> RuleSetIds => _parameters.Keys;

    /// <summary>JSON files in the folder that are not rule sets (no <c>"format"</c>), e.g. other engineers' data.</summary>
    public IReadOnlyList<string> SkippedFiles { get; }

    /// <summary>Named parameters of one rule set, as loaded (int or decimal).</summary>
    public IReadOnlyDictionary<string, object> ParametersOf(string ruleSetId) =>
        _parameters.TryGetValue(ruleSetId, out var parameters) ? parameters : throw new InvalidOperationException($"No rule set '{ruleSetId}' is loaded.");
}
