using Propilas.Host.Alerts;
using Propilas.Workflows.Runtime;

namespace Propilas.Host.Process;

/// <summary>What a transition touched: its timeline (stage starts and closes, step due dates, completion) or only steps.</summary>
public static class ProcessChange
{
    public static DistrictArea Between(WorkflowInstance before, WorkflowInstance after)
    {
        var same = before.Status == after.Status && before.CompletedAt == after.CompletedAt && before.Stages.Count == after.Stages.Count
            && before.Stages.Zip(after.Stages).All(pair => SameTimeline(pair.First, pair.Second));
        return same ? DistrictArea.ProcessSteps : DistrictArea.ProcessTimeline;
    }

    private static bool SameTimeline(StageState before, StageState after) =>
        before.Id == after.Id && before.Status == after.Status && before.StartedAt == after.StartedAt && before.Steps.Count == after.Steps.Count
        && before.Steps.Zip(after.Steps).All(pair => pair.First.Id == pair.Second.Id && pair.First.DueAt == pair.Second.DueAt);
}
