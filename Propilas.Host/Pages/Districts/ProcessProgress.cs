using Propilas.Workflows;
using Propilas.Workflows.Definitions;
using Propilas.Workflows.Runtime;

namespace Propilas.Host.Pages.Districts;

/// <summary>A step or gate of the active stage that someone may act on now (a gate also when still blocked: it says by what).</summary>
/// <param name="Anchor">Its id on the process page, e.g. <c>step-diagnosis</c> or <c>gate-design</c>.</param>
/// <param name="Role">Who acts on it.</param>
/// <param name="IsApproval">A step that approves (or rejects) rather than records work.</param>
/// <param name="DueAt">A step's due date; a gate's is the latest of its stage's steps, when the stage should close.</param>
public sealed record NextAction(string Anchor, LocalizedText What, string Role, bool IsGate, bool IsApproval, DateTimeOffset? DueAt, bool Overdue,
    IReadOnlyList<UnmetCondition> Blockers)
{
    public bool Blocked => Blockers.Count > 0;
}

/// <summary>
/// Where a district's process stands (stage n of m, steps done of all) and what it waits for: what this person may act on
/// now, soonest due first, and what others must do. Read by the process page and by each person's work list.
/// </summary>
public sealed record ProcessProgress(
    int StageNumber, int StageCount, int StepsDone, int StepsTotal, StageView? Active, IReadOnlyList<NextAction> Mine, IReadOnlyList<NextAction> Others)
{
    public bool Finished => Active is null && StepsDone == StepsTotal;

    /// <summary>What this person can do now that is not blocked, soonest due first.</summary>
    public NextAction? MyNext => Mine.FirstOrDefault(a => !a.Blocked);

    public static ProcessProgress Of(ProcessView view, Actor actor, DateTimeOffset now)
    {
        var steps = view.Stages.SelectMany(s => s.Steps).ToList();
        var activeIndex = view.Stages.ToList().FindIndex(s => s.Status == StageStatus.Active);
        var active = activeIndex < 0 ? null : view.Stages[activeIndex];
        var open = active is null ? [] : Open(active, now);
        return new ProcessProgress(
            activeIndex < 0 ? view.Stages.Count(s => s.Status == StageStatus.Approved) : activeIndex + 1, view.Stages.Count,
            steps.Count(s => s.Status.IsComplete()), steps.Count, active,
            open.Where(a => actor.Holds(a.Role)).ToList(), open.Where(a => !actor.Holds(a.Role)).ToList());
    }

    /// <summary>The stage's steps that may be acted on (ready, or rejected and to be decided again) and its gate, soonest due first.</summary>
    private static List<NextAction> Open(StageView stage, DateTimeOffset now)
    {
        var actions = stage.Steps.Where(s => s.Status is StepStatus.Ready or StepStatus.Rejected)
            .Select(s => new NextAction($"step-{s.Id}", s.Name, s.Role, false, s.Kind.IsDecision(), s.DueAt, s.Overdue, []))
            .ToList();
        var stageDue = stage.Steps.Max(s => s.DueAt);
        actions.Add(new NextAction($"gate-{stage.Id}", stage.Name, stage.Gate.ApproverRole, true, true, stageDue, stageDue < now, stage.Gate.Blockers));
        return actions.OrderBy(a => a.DueAt ?? DateTimeOffset.MaxValue).ToList(); // undated last
    }
}
