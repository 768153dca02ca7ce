using Propilas.Rules.Facts;
using Propilas.Workflows.Runtime;

namespace Propilas.Host.Rules;

/// <summary>The evidence recorded in the instance being decided, for rules of any definition (fact <c>process</c>).</summary>
public sealed class ProcessEvidenceFactsProvider : IGateFactsProvider
{
    public Type FactType => typeof(ProcessEvidenceFacts);

    public Task<IRuleFact> BuildAsync(GateContext context, IReadOnlySet<string> reads, CancellationToken ct) => Task.FromResult<IRuleFact>(From(context.Instance));

    public static ProcessEvidenceFacts From(WorkflowInstance instance) =>
        new(instance.Subject.Value, instance.DefinitionId.Value,
            instance.Stages.SelectMany(s => s.Steps).Select(s =>
                new RecordedStep(s.Id, s.Status.IsComplete(), s.Evidence)));
}
