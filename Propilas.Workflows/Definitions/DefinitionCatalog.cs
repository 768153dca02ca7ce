namespace Propilas.Workflows.Definitions;

/// <summary>
/// Every published version of every definition. New instances start on the latest version;
/// running instances keep the version they started on.
/// </summary>
public sealed class DefinitionCatalog
{
    private readonly Dictionary<(DefinitionId, int), WorkflowDefinition> _versions = [];
    private readonly Dictionary<DefinitionId, WorkflowDefinition> _latest = [];

    public DefinitionCatalog(IEnumerable<WorkflowDefinition> definitions)
    {
        foreach (var d in definitions)
        {
            if (!_versions.TryAdd((d.Id, d.Version), d))
                throw new InvalidOperationException($"Definition {d} is published twice.");
            if (!_latest.TryGetValue(d.Id, out var current) || current.Version < d.Version) _latest[d.Id] = d;
        }
    }

    public IEnumerable<WorkflowDefinition> All => _versions.Values;

    public WorkflowDefinition Latest(DefinitionId id) =>
        _latest.TryGetValue(id, out var d) ? d : throw new KeyNotFoundException($"No workflow definition '{id}' is published.");

    public WorkflowDefinition Get(DefinitionId id, int version) =>
        _versions.TryGetValue((id, version), out var d) ? d : throw new KeyNotFoundException($"Workflow definition {id} v{version} is not published.");

    public bool Contains(DefinitionId id) => _latest.ContainsKey(id);

    /// <summary>Reads every <c>*.json</c> directly in <paramref name="folder"/> (rule files live in subfolders).</summary>
    public static IReadOnlyList<WorkflowDefinition> ReadFolder(string folder)
    {
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"Workflow definitions folder '{folder}' does not exist.");
        return Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal).Select(DefinitionReader.ReadFile).ToList();
    }
}
