namespace Propilas.Rules.Engine;

/// <summary>One rule file, compiled.</summary>
internal sealed class CompiledRuleSet(
    string id,
    string file,
    Type factType,
    IReadOnlyList<KeyValuePair<string, object>> parameters,
    int argumentCount,
    IReadOnlyList<CompiledRule> rules)
{
    private readonly object[] _argumentTemplate = BuildTemplate(parameters, argumentCount);

    public string Id => id;
    public string File => file;
    public Type FactType => factType;
    public IReadOnlyList<KeyValuePair<string, object>> Parameters => parameters;
    public IReadOnlyList<CompiledRule> Rules => rules;

    /// <summary>A fresh argument array for one fact; per call, so evaluation is thread-safe.</summary>
    public object[] ArgumentsFor(object fact)
    {
        var args = (object[])_argumentTemplate.Clone();
        args[0] = fact;
        return args;
    }

    private static object[] BuildTemplate(IReadOnlyList<KeyValuePair<string, object>> parameters, int argumentCount)
    {
        var template = new object[argumentCount];
        for (var i = 0; i < parameters.Count; i++) template[1 + i] = parameters[i].Value;
        return template;
    }
}
