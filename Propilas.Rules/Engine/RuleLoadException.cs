namespace Propilas.Rules.Engine;

/// <summary>One problem in a rule file; <see cref="RuleId"/> is null when the problem is the file's.</summary>
public sealed record RuleLoadError(string File, string? RuleId, string Error)
{
    public override string ToString() => RuleId is null ? $"{File}: {Error}" : $"{File}: rule '{RuleId}': {Error}";
}

/// <summary>Start-up fails with this when any rule file is bad; it lists every problem found.</summary>
public sealed class RuleLoadException(IReadOnlyList<RuleLoadError> errors)
    : Exception("Rule files failed to load:" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => "  " + e)))
{
    public IReadOnlyList<RuleLoadError> Errors { get; } = errors;
}

/// <summary>A rule threw while evaluating a fact (a host bug such as a null collection, not a rule that holds).</summary>
public sealed class RuleEvaluationException(string ruleId, string subject, Exception inner)
    : Exception($"Rule '{ruleId}' failed on {subject}: {inner.Message}", inner)
{
    public string RuleId { get; } = ruleId;
}
