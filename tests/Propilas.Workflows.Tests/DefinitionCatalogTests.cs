using Propilas.Workflows.Definitions;
using Propilas.Workflows.Tests.Support;
using static Propilas.Workflows.Tests.Support.Defs;

namespace Propilas.Workflows.Tests;

public class DefinitionCatalogTests
{
    private static readonly DefinitionId TestFlow = new("test-flow");

    [Fact]
    public void Latest_picks_the_highest_version_whatever_the_order()
    {
        var catalog = new DefinitionCatalog([MinimalDefinition(2), MinimalDefinition(3), MinimalDefinition(1)]);
        Assert.Equal(3, catalog.Latest(TestFlow).Version);
        Assert.True(catalog.Contains(TestFlow));
        Assert.Equal(3, catalog.All.Count());
    }

    [Fact]
    public void Get_returns_an_older_version()
    {
        var v1 = MinimalDefinition(1);
        var catalog = new DefinitionCatalog([v1, MinimalDefinition(2)]);
        Assert.Same(v1, catalog.Get(TestFlow, 1));
    }

    [Fact]
    public void Unknown_id_or_version_throws()
    {
        var catalog = new DefinitionCatalog([MinimalDefinition(1)]);
        Assert.Throws<KeyNotFoundException>(() => catalog.Get(TestFlow, 2));
        Assert.Throws<KeyNotFoundException>(() => catalog.Latest(new DefinitionId("other")));
        Assert.False(catalog.Contains(new DefinitionId("other")));
    }

    [Fact]
    public void The_same_id_and_version_published_twice_throws()
    {
        var e = Assert.Throws<InvalidOperationException>(() => new DefinitionCatalog([MinimalDefinition(1), MinimalDefinition(1)]));
        Assert.Contains("test-flow v1", e.Message);
    }

    [Fact]
    public void ReadFolder_reads_only_files_directly_in_the_folder()
    {
        var dir = Directory.CreateTempSubdirectory("propilas-defs-");
        try
        {
            System.IO.File.WriteAllText(Path.Combine(dir.FullName, "b.json"), Minimal(version: 2).ToJsonString());
            System.IO.File.WriteAllText(Path.Combine(dir.FullName, "a.json"), Minimal(version: 1).ToJsonString());
            System.IO.File.WriteAllText(Path.Combine(dir.FullName, "notes.txt"), "not json");
            var rules = Directory.CreateDirectory(Path.Combine(dir.FullName, "rules"));
            System.IO.File.WriteAllText(Path.Combine(rules.FullName, "rules.json"), "[{\"this\": \"is a rule file, not a definition\"}]");

            var read = DefinitionCatalog.ReadFolder(dir.FullName);

            Assert.Equal([1, 2], read.Select(d => d.Version));
            Assert.Equal(2, new DefinitionCatalog(read).Latest(TestFlow).Version);
        }
        finally { dir.Delete(recursive: true); }
    }

    [Fact]
    public void ReadFolder_of_a_missing_folder_throws()
    {
        Assert.Throws<DirectoryNotFoundException>(() => DefinitionCatalog.ReadFolder(Path.Combine(Path.GetTempPath(), "no-such-" + Guid.NewGuid())));
    }
}
