using Propilas.Workflows.Runtime;

namespace Propilas.Workflows.Definitions;

/// <summary>
/// Every decision that depends on a step's kind, each an exhaustive switch with no default arm: the build treats a
/// missing kind (CS8509) as an error, so a new kind cannot silently act as another.
/// </summary>
public static class StepKinds
{
    /// <summary>The word definitions use for the kind.</summary>
    public static string Word(this StepKind kind) => kind switch
    {
        StepKind.Task => "task",
        StepKind.Approval => "approval",
    };

    /// <summary>The kind a definition's word names, or null.</summary>
    public static StepKind? FromWord(string? word) =>
        Enum.GetValues<StepKind>().Select(k => (StepKind?)k).FirstOrDefault(k => k!.Value.Word() == word);

    public static string KnownWords => string.Join(", ", Enum.GetValues<StepKind>().Select(Word));

    /// <summary>Whether the step decides (approves or rejects) rather than records work: only decisions can be rejected.</summary>
    public static bool IsDecision(this StepKind kind) => kind switch
    {
        StepKind.Task => false,
        StepKind.Approval => true,
    };

    /// <summary>The status a step takes when its person acts on it.</summary>
    public static StepStatus CompletedStatus(this StepKind kind) => kind switch
    {
        StepKind.Task => StepStatus.Done,
        StepKind.Approval => StepStatus.Approved,
    };

    /// <summary>The audit action of that act.</summary>
    public static string CompletedAction(this StepKind kind) => kind switch
    {
        StepKind.Task => "step.completed",
        StepKind.Approval => "step.approved",
    };
}
