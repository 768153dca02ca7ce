using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Propilas.Host.Common;
using Propilas.Host.Process;
using Propilas.Workflows;
using Propilas.Workflows.Definitions;

namespace Propilas.Host.Tests;

/// <summary>The process answer writes each step's evidence fields from JSON kept since the first answer (<see cref="SerializedOnce{T}"/>).</summary>
public sealed class SerializedOnceTests
{
    [Fact]
    public async Task Every_answer_shows_each_steps_evidence_fields_exactly_as_serializing_them_afresh_would()
    {
        await using var host = new PropilasFactory(new HostSettings { FakeNow = PropilasFactory.DefaultNow });
        var options = host.Services.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        Assert.Contains(options.Converters, c => c is SerializedOnce<IReadOnlyList<EvidenceField>>);
        var afresh = new JsonSerializerOptions(options);
        afresh.Converters.Remove(afresh.Converters.Single(c => c is SerializedOnce<IReadOnlyList<EvidenceField>>));
        var definition = host.Services.GetRequiredService<CatalogHolder>().Catalog.Latest(new DefinitionId("propilas-strategic-plan"));
        var coordinator = await host.LoginAsync("coordinator");

        // Two districts, twice each: the first answer fills the kept JSON, the others are written from it.
        foreach (var slug in new[] { "san-juan", "utco", "san-juan", "utco" })
        {
            var process = await coordinator.GetAsync(Api.ProcessUrl(slug)).ExpectAsync(HttpStatusCode.OK);
            foreach (var step in definition.Stages.SelectMany(s => s.Steps))
            {
                var expected = JsonSerializer.Serialize(step.Evidence, afresh);
                Assert.Equal(expected, process.Step(step.Id.Value).GetProperty("evidenceFields").GetRawText());
            }
        }
        Assert.Contains(definition.Stages.SelectMany(s => s.Steps), s => s.Evidence.Count > 0);
    }

    [Fact]
    public void A_concrete_type_is_refused_since_serializing_it_as_itself_would_loop()
    {
        Assert.Throws<ArgumentException>(() => new SerializedOnce<LocalizedText>());
    }
}
