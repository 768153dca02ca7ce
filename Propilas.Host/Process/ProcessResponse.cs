using Propilas.Host.Alerts;
using Propilas.Workflows;
using Propilas.Workflows.Runtime;

namespace Propilas.Host.Process;

/// <summary>What the process routes answer: the process view with the district's live alerts, serialized once.</summary>
public sealed record ProcessResponse(
    Guid InstanceId, DefinitionId DefinitionId, int DefinitionVersion, SubjectKey Subject, InstanceStatus Status, int Version,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? CompletedAt, IReadOnlyList<StageView> Stages, IReadOnlyList<AlertEndpoints.AlertView> Alerts)
{
    public static ProcessResponse Of(ProcessView v, IReadOnlyList<AlertEndpoints.AlertView> alerts) =>
        new(v.InstanceId, v.DefinitionId, v.DefinitionVersion, v.Subject, v.Status, v.Version, v.CreatedAt, v.UpdatedAt, v.CompletedAt, v.Stages, alerts);
}
