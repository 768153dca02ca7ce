using Propilas.Rules.Facts;
using Propilas.Rules.Obligations;
using Propilas.Rules.Tests.RuleSets;

namespace Propilas.Rules.Tests.Obligations;

public sealed class ObligationPlannerTests
{
    private static readonly ObligationPlanner Planner = new(StakeholderRoleMatrix.Load(ShippedRules.Folder));

    private static readonly Dictionary<ObligationPhase, DateOnly> Timeline = new()
    {
        [ObligationPhase.Diagnosis] = new DateOnly(2025, 3, 31),
        [ObligationPhase.Planning] = new DateOnly(2025, 9, 30),
        [ObligationPhase.Execution] = new DateOnly(2026, 12, 31),
        [ObligationPhase.PostExecution] = new DateOnly(2027, 6, 30),
    };

    [Theory]
    [InlineData(ProcessPoint.PreparatoryStage)]
    [InlineData(ProcessPoint.DesignStage)]
    [InlineData(ProcessPoint.InstitutionalStage)]
    public void During_the_three_stages_the_diagnosis_and_planning_rows_apply(ProcessPoint point)
    {
        var obligations = Planner.Plan(point, Timeline);

        Assert.Equal(4, obligations.Count(o => o.Phase == ObligationPhase.Diagnosis));
        Assert.Equal(14, obligations.Count(o => o.Phase == ObligationPhase.Planning));
        Assert.Equal(18, obligations.Count);
    }

    [Fact]
    public void After_council_approval_the_execution_and_post_execution_rows_apply_too()
    {
        var obligations = Planner.Plan(ProcessPoint.CouncilApproved, Timeline);

        Assert.Equal(45, obligations.Count);
        Assert.Equal(10, obligations.Count(o => o.Phase == ObligationPhase.Execution));
        Assert.Equal(17, obligations.Count(o => o.Phase == ObligationPhase.PostExecution));
    }

    [Fact]
    public void Diagnosis_gives_each_stakeholder_one_obligation()
    {
        var diagnosis = Planner.Plan(ProcessPoint.PreparatoryStage, Timeline).Where(o => o.Phase == ObligationPhase.Diagnosis);

        Assert.Equal(
            [Stakeholder.Municipality, Stakeholder.Community, Stakeholder.MinistryOfEducation, Stakeholder.MinistryOfHealth],
            diagnosis.Select(o => o.Stakeholder));
    }

    [Fact]
    public void Planning_obligations_per_stakeholder_match_the_matrix()
    {
        var planning = Planner.Plan(ProcessPoint.DesignStage, Timeline).Where(o => o.Phase == ObligationPhase.Planning);

        Assert.Equal(
            new Dictionary<Stakeholder, int>
            {
                [Stakeholder.Municipality] = 7,
                [Stakeholder.Community] = 4,
                [Stakeholder.MinistryOfEducation] = 2,
                [Stakeholder.MinistryOfHealth] = 1,
            },
            planning.GroupBy(o => o.Stakeholder).ToDictionary(g => g.Key, g => g.Count()));
    }

    [Fact]
    public void Each_obligation_is_due_on_its_phase_date()
    {
        var obligations = Planner.Plan(ProcessPoint.CouncilApproved, Timeline);

        Assert.All(obligations, o => Assert.Equal(Timeline[o.Phase], o.DueOn));
        var health = obligations.Single(o => o.Key == "diagnosis.ministry_of_health.1");
        Assert.Equal(new DateOnly(2025, 3, 31), health.DueOn);
        Assert.Equal("Brindar información sobre la clasificación de riesgos sanitarios", health.Text.Es);
    }

    [Fact]
    public void Planning_again_after_the_next_stage_keeps_the_same_keys()
    {
        var preparatory = Planner.Plan(ProcessPoint.PreparatoryStage, Timeline);
        var approved = Planner.Plan(ProcessPoint.CouncilApproved, Timeline);

        Assert.Equal(preparatory, approved.Take(preparatory.Count));
    }

    [Fact]
    public void Before_approval_execution_dates_are_not_needed()
    {
        var early = new Dictionary<ObligationPhase, DateOnly>
        {
            [ObligationPhase.Diagnosis] = new DateOnly(2025, 3, 31),
            [ObligationPhase.Planning] = new DateOnly(2025, 9, 30),
        };

        Assert.Equal(18, Planner.Plan(ProcessPoint.InstitutionalStage, early).Count);
        var exception = Assert.Throws<ArgumentException>(() => Planner.Plan(ProcessPoint.CouncilApproved, early));
        Assert.Contains("Execution, PostExecution", exception.Message);
    }
}
