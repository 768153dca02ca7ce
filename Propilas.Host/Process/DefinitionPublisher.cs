using Microsoft.EntityFrameworkCore;
using Propilas.Host.Database;
using Propilas.Workflows.Definitions;

namespace Propilas.Host.Process;

/// <summary>
/// At start-up: reads and validates every definition file, publishes new versions to the database, refuses a
/// file that changes an already-published version, and builds the catalog from every published version
/// (so instances keep their version after its file is replaced by a newer one).
/// </summary>
public sealed class DefinitionPublisher(PropilasDb db, TimeProvider time)
{
    public async Task<DefinitionCatalog> PublishAsync(string folder, CancellationToken ct)
    {
        var files = DefinitionCatalog.ReadFolder(folder);
        var published = await db.WorkflowDefinitions.AsNoTracking().ToListAsync(ct);
        foreach (var definition in files)
        {
            var existing = published.FirstOrDefault(p => p.DefinitionId == definition.Id.Value && p.Version == definition.Version);
            if (existing is null)
            {
                var record = new WorkflowDefinitionRecord
                {
                    DefinitionId = definition.Id.Value, Version = definition.Version, Json = definition.SourceJson, PublishedAt = time.GetUtcNow(),
                };
                db.WorkflowDefinitions.Add(record);
                published.Add(record);
            }
            else if (!SameContent(existing.Json, definition.SourceJson))
            {
                throw new InvalidOperationException(
                    $"Workflow definition {definition} in '{folder}' differs from the version already published; published versions are immutable, so give the changed file a new version number.");
            }
        }
        await db.SaveChangesAsync(ct);
        return new DefinitionCatalog(published.Select(p => DefinitionReader.Read(p.Json, $"database: {p.DefinitionId} v{p.Version}")));
    }

    private static bool SameContent(string a, string b) =>
        System.Text.Json.Nodes.JsonNode.DeepEquals(System.Text.Json.Nodes.JsonNode.Parse(a), System.Text.Json.Nodes.JsonNode.Parse(b));
}

/// <summary>The catalog built at start-up, shared by every request.</summary>
public sealed class CatalogHolder
{
    private DefinitionCatalog? _catalog;

    public DefinitionCatalog Catalog
    {
        get => _catalog ?? throw new InvalidOperationException("Workflow definitions have not been published yet.");
        set => _catalog = value;
    }
}
