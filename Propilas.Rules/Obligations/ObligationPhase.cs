namespace Propilas.Rules.Obligations;

/// <summary>The row groups of the stakeholder-role matrix, each with its own due date.</summary>
public enum ObligationPhase
{
    /// <summary>Phase "planning", step "diagnosis": the preparatory stage's baseline.</summary>
    Diagnosis,
    /// <summary>Phase "planning", step "planning": the three stages of the planning process.</summary>
    Planning,
    /// <summary>Phase "execution" (execution of projects, financing): after council approval.</summary>
    Execution,
    /// <summary>Phase "post_execution" (follow-up, technical assistance, management of services): after council approval.</summary>
    PostExecution,
}

/// <summary>How far a district's process has come.</summary>
public enum ProcessPoint
{
    PreparatoryStage,
    DesignStage,
    InstitutionalStage,
    /// <summary>The municipal council approved the plan (a municipal resolution was issued).</summary>
    CouncilApproved,
}
