using Microsoft.EntityFrameworkCore;

namespace Propilas.Host.Tests;

/// <summary>Definition files at start-up: validated, published immutably, new versions for new districts only.</summary>
public sealed class DefinitionTests : IDisposable
{
    private const string FileName = "propilas-strategic-plan.json";
    private readonly string _definitions = Directory.CreateTempSubdirectory("propilas-definitions-").FullName;

    private static string Shipped => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "workflows", FileName));

    public void Dispose() => Directory.Delete(_definitions, recursive: true);

    public static TheoryData<string, string, string> BadDefinitions => new()
    {
        { "unknown dependency", "$.stages[0].steps[2].dependsOn[0]", "unknown dependency 'no-such-step'" },
        { "missing gate", "$.stages[1].gate", "missing gate" },
        { "unknown role", "$.stages[2].steps[1].role", "unknown role 'treasurer'" },
        { "cycle", "$.stages[1].steps[1].dependsOn", "dependency cycle: planning-workshop-1 -> plan-document -> planning-workshop-2 -> planning-workshop-1" },
        { "duplicate step", "$.stages[1].steps[0].id", "duplicate step id 'diagnosis'" },
        { "not json", "line 3", "not valid JSON" },
    };

    [Theory]
    [MemberData(nameof(BadDefinitions))]
    public async Task A_bad_definition_file_stops_start_up_naming_the_file_and_the_path(string fault, string path, string what)
    {
        File.WriteAllText(Path.Combine(_definitions, FileName), Shipped);
        File.WriteAllText(Path.Combine(_definitions, "broken-plan.json"), Break(fault));
        await using var host = new PropilasFactory(new HostSettings { DefinitionsFolder = _definitions, SeedPilots = false });

        var error = Assert.ThrowsAny<Exception>(() => host.CreateClient());

        var message = Messages(error);
        Assert.Contains("broken-plan.json", message);
        Assert.Contains(path, message);
        Assert.Contains(what, message);
    }

    [Fact]
    public async Task Changing_a_published_definition_without_a_new_version_stops_start_up()
    {
        File.WriteAllText(Path.Combine(_definitions, FileName), Shipped);
        string folder;
        await using (var first = new PropilasFactory(new HostSettings { DefinitionsFolder = _definitions, SeedPilots = false, KeepFolder = true }))
        {
            await first.LoginAsync("coordinator");
            folder = first.Folder;
        }

        // Re-formatting the same content is not a change.
        File.WriteAllText(Path.Combine(_definitions, FileName), JsonNode.Parse(Shipped)!.ToJsonString());
        await using (var same = new PropilasFactory(new HostSettings { DefinitionsFolder = _definitions, SeedPilots = false, ExistingFolder = folder, KeepFolder = true }))
            await same.LoginAsync("coordinator");

        var changed = JsonNode.Parse(Shipped)!;
        changed["stages"]![0]!["steps"]![0]!["dueDays"] = 10;
        File.WriteAllText(Path.Combine(_definitions, FileName), changed.ToJsonString());
        await using var third = new PropilasFactory(new HostSettings { DefinitionsFolder = _definitions, SeedPilots = false, ExistingFolder = folder });

        var error = Assert.ThrowsAny<Exception>(() => third.CreateClient());

        var message = Messages(error);
        Assert.Contains("propilas-strategic-plan v1", message);
        Assert.Contains("differs from the version already published", message);
    }

    [Fact]
    public async Task A_new_version_applies_to_new_districts_while_running_ones_keep_theirs()
    {
        File.WriteAllText(Path.Combine(_definitions, FileName), Shipped);
        string folder, before;
        await using (var first = new PropilasFactory(new HostSettings { DefinitionsFolder = _definitions, KeepFolder = true }))
        {
            folder = first.Folder;
            var d = await TestDistrict.CreateAsync(first, "Jose Sabogal");
            before = d.Slug;
            Assert.Equal(1, (await d.ProcessAsync()).GetProperty("definitionVersion").GetInt32());
        }

        // Version 2 replaces the file: one extra optional step in the preparatory stage.
        var v2 = JsonNode.Parse(Shipped)!;
        v2["version"] = 2;
        v2["stages"]![0]!["steps"]!.AsArray().Add(JsonNode.Parse("""
            {
              "id": "field-visit", "name": { "es": "Visita de campo", "en": "Field visit" },
              "kind": "task", "role": "coordinator", "required": false,
              "evidence": [ { "name": "visitedOn", "type": "date", "required": true, "label": { "es": "Fecha", "en": "Date" } } ]
            }
            """));
        File.WriteAllText(Path.Combine(_definitions, FileName), v2.ToJsonString());

        await using var second = new PropilasFactory(new HostSettings { DefinitionsFolder = _definitions, ExistingFolder = folder });
        var coordinator = await second.LoginAsync("coordinator");

        // Existing instances, seeded and registered, keep version 1 and go on working without its file.
        foreach (var slug in new[] { "san-juan", "utco", before })
        {
            var process = await coordinator.ProcessAsync(slug);
            Assert.Equal(1, process.GetProperty("definitionVersion").GetInt32());
            Assert.DoesNotContain("field-visit", process.Stage("preparatory").GetProperty("steps").EnumerateArray().Select(s => s.Str("id")));
        }
        await coordinator.CompleteAsync(before, "methodology", Plan.EvidenceOf("methodology")).ExpectAsync(HttpStatusCode.OK);
        await coordinator.CompleteAsync(before, "field-visit", new { visitedOn = "2026-03-01" }).ExpectAsync(HttpStatusCode.NotFound);
        var mayor = await second.LoginAsync("mayor.san-juan");
        await mayor.CompleteAsync("san-juan", "council-resolution", Plan.EvidenceOf("council-resolution")).ExpectAsync(HttpStatusCode.OK);
        await mayor.ApproveGateAsync("san-juan", "institutional").ExpectAsync(HttpStatusCode.OK);

        // A district registered now starts on version 2, whose extra step is optional for the gate.
        var created = await coordinator.PostAsJsonAsync("/api/districts", new { name = "Sucre", province = "Celendín" }).ExpectAsync(HttpStatusCode.Created);
        var fresh = await coordinator.ProcessAsync(created.Str("slug"));
        Assert.Equal(2, fresh.GetProperty("definitionVersion").GetInt32());
        var visit = fresh.Step("field-visit");
        Assert.False(visit.GetProperty("required").GetBoolean());
        Assert.Equal("ready", visit.Str("status"));
        Assert.DoesNotContain("step:field-visit",
            fresh.Stage("preparatory").GetProperty("gate").GetProperty("blockers").EnumerateArray().Select(b => b.Str("conditionId")));
        await coordinator.CompleteAsync(created.Str("slug"), "field-visit", new { visitedOn = "2026-03-01" }).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal([1, 2], await second.WithDbAsync(db => db.WorkflowDefinitions.Select(d => d.Version).OrderBy(v => v).ToListAsync()));
    }

    /// <summary>The shipped definition under another id, with one fault.</summary>
    private static string Break(string fault)
    {
        if (fault == "not json") return "{\n  \"id\": \"broken-plan\",\n  \"version\": 1,,\n";
        var d = JsonNode.Parse(Shipped)!;
        d["id"] = "broken-plan";
        var stages = d["stages"]!.AsArray();
        switch (fault)
        {
            case "unknown dependency": stages[0]!["steps"]![2]!["dependsOn"] = new JsonArray("no-such-step"); break;
            case "missing gate": stages[1]!.AsObject().Remove("gate"); break;
            case "unknown role": stages[2]!["steps"]![1]!["role"] = "treasurer"; break;
            case "cycle": stages[1]!["steps"]![0]!["dependsOn"] = new JsonArray("plan-document"); break;
            case "duplicate step": stages[1]!["steps"]![0]!["id"] = "diagnosis"; break;
            default: throw new ArgumentOutOfRangeException(nameof(fault));
        }
        return d.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static string Messages(Exception e)
    {
        var all = new List<string>();
        for (Exception? x = e; x is not null; x = x.InnerException) all.Add($"{x.GetType().Name}: {x.Message}");
        if (e is AggregateException a) all.AddRange(a.Flatten().InnerExceptions.Select(x => x.Message));
        return string.Join(Environment.NewLine, all);
    }
}
