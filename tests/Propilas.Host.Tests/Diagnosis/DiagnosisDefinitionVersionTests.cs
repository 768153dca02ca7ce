namespace Propilas.Host.Tests.Diagnosis;

/// <summary>
/// The diagnosis condition came with version 2 of the process, in a file of its own beside version 1: districts started on
/// version 1 keep their rules, new districts get the condition.
/// </summary>
public sealed class DiagnosisDefinitionVersionTests : IDisposable
{
    private readonly string _definitions = Directory.CreateTempSubdirectory("propilas-definitions-").FullName;

    public void Dispose() => Directory.Delete(_definitions, recursive: true);

    private static string Shipped(string file) => Path.Combine(AppContext.BaseDirectory, "workflows", file);

    [Fact]
    public async Task Districts_on_version_1_complete_the_diagnosis_without_one_and_new_districts_need_it()
    {
        File.Copy(Shipped("propilas-strategic-plan.json"), Path.Combine(_definitions, "propilas-strategic-plan.json"));
        string folder, before;
        await using (var first = new PropilasFactory(new HostSettings { DefinitionsFolder = _definitions, SeedPilots = false, KeepFolder = true }))
        {
            folder = first.Folder;
            var d = await TestDistrict.CreateAsync(first, "Jose Galvez");
            before = d.Slug;
            Assert.Equal(1, (await d.ProcessAsync()).GetProperty("definitionVersion").GetInt32());
        }

        // Version 2 is added as a second file; version 1's file stays as it was published.
        File.Copy(Shipped("propilas-strategic-plan.v2.json"), Path.Combine(_definitions, "propilas-strategic-plan.v2.json"));
        await using var second = new PropilasFactory(new HostSettings { DefinitionsFolder = _definitions, SeedPilots = false, ExistingFolder = folder });
        var coordinator = await second.LoginAsync("coordinator");

        var old = await coordinator.CompleteAsync(before, "diagnosis", Plan.EvidenceOf("diagnosis")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(1, old.GetProperty("definitionVersion").GetInt32());

        var created = await coordinator.PostAsJsonAsync("/api/districts", new { name = "Sucre", province = "Celendín" }).ExpectAsync(HttpStatusCode.Created);
        var slug = created.Str("slug");
        Assert.Equal(2, (await coordinator.ProcessAsync(slug)).GetProperty("definitionVersion").GetInt32());
        var problem = await coordinator.CompleteAsync(slug, "diagnosis", Plan.EvidenceOf("diagnosis")).ExpectAsync(HttpStatusCode.Conflict);
        Assert.Equal(["diagnosis.missing"], problem.UnmetConditionIds());
        await coordinator.ImportDiagnosisAsync(slug, Plan.SampleSurvey).ExpectAsync(HttpStatusCode.OK);
        await coordinator.CompleteAsync(slug, "diagnosis", Plan.EvidenceOf("diagnosis")).ExpectAsync(HttpStatusCode.OK);
    }
}
