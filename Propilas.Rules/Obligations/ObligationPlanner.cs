namespace Propilas.Rules.Obligations;

/// <summary>
/// Which matrix rows are obligations once a district has reached a point of its process. Cumulative: reaching a
/// later point keeps the earlier obligations (fulfilled or not), so the host can upsert the whole list each time.
/// </summary>
public sealed class ObligationPlanner(StakeholderRoleMatrix matrix)
{
    public static IReadOnlyList<ObligationPhase> PhasesReached(ProcessPoint point) => point switch
    {
        ProcessPoint.PreparatoryStage or ProcessPoint.DesignStage or ProcessPoint.InstitutionalStage =>
            [ObligationPhase.Diagnosis, ObligationPhase.Planning],
        ProcessPoint.CouncilApproved =>
            [ObligationPhase.Diagnosis, ObligationPhase.Planning, ObligationPhase.Execution, ObligationPhase.PostExecution],
        _ => throw new ArgumentOutOfRangeException(nameof(point), point, null),
    };

    /// <param name="dueDates">From the workflow timeline: when each phase's obligations fall due; needed for every phase reached.</param>
    public IReadOnlyList<PlannedObligation> Plan(ProcessPoint reached, IReadOnlyDictionary<ObligationPhase, DateOnly> dueDates)
    {
        var phases = PhasesReached(reached);
        var missing = phases.Where(p => !dueDates.ContainsKey(p)).ToList();
        if (missing.Count > 0)
            throw new ArgumentException($"no due date for phase {string.Join(", ", missing)} (reached {reached})", nameof(dueDates));

        return [.. matrix.Rows
            .Where(row => phases.Contains(row.Phase))
            .Select(row => new PlannedObligation(row.Key, row.Phase, row.Step, row.Stakeholder, row.Text, dueDates[row.Phase]))];
    }
}
