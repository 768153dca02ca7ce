using Propilas.Rules.Engine;
using Propilas.Rules.Facts;

namespace Propilas.Rules.Tests.RuleSets;

public sealed class ShippedRuleFilesTests
{
    [Fact]
    public void Every_rule_of_issue_3_is_loaded_from_its_file()
    {
        // Rule files of other issues (district-planning.json, community-project.json) are tested beside their features.
        string[] issue3Files = ["obligations.json", "invitations.json", "commitments.json", "district-gates.json", "water-boards.json"];
        var rules = ShippedRules.Book.Rules.Where(r => issue3Files.Contains(r.File)).ToDictionary(r => r.Id, r => (r.File, r.FactType));

        Assert.Equal(
            new Dictionary<string, (string, Type)>
            {
                ["obligation.overdue"] = ("obligations.json", typeof(ObligationFacts)),
                ["obligation.due-soon"] = ("obligations.json", typeof(ObligationFacts)),
                ["invitation.unanswered"] = ("invitations.json", typeof(InvitationFacts)),
                ["invitation.answer-due"] = ("invitations.json", typeof(InvitationFacts)),
                ["commitment.overdue"] = ("commitments.json", typeof(CommitmentFacts)),
                ["commitment.due-soon"] = ("commitments.json", typeof(CommitmentFacts)),
                ["invitation.sector-missing"] = ("district-gates.json", typeof(DistrictGateFacts)),
                ["commitment.municipal-share-low"] = ("district-gates.json", typeof(DistrictGateFacts)),
                ["committee.sector-missing"] = ("district-gates.json", typeof(DistrictGateFacts)),
                ["plan.goal-without-target"] = ("district-gates.json", typeof(DistrictGateFacts)),
                ["plan.activity-without-owner"] = ("district-gates.json", typeof(DistrictGateFacts)),
                ["water-board.visit-overdue"] = ("water-boards.json", typeof(WaterBoardFacts)),
                ["water-board.visit-due"] = ("water-boards.json", typeof(WaterBoardFacts)),
                ["water-board.not-constituted"] = ("water-boards.json", typeof(WaterBoardFacts)),
                ["water-board.no-aom-training"] = ("water-boards.json", typeof(WaterBoardFacts)),
                ["water-board.no-om-plan"] = ("water-boards.json", typeof(WaterBoardFacts)),
                ["water-board.not-chlorinating"] = ("water-boards.json", typeof(WaterBoardFacts)),
                ["water-board.tariff-review-overdue"] = ("water-boards.json", typeof(WaterBoardFacts)),
                ["water-board.loan-arrears"] = ("water-boards.json", typeof(WaterBoardFacts)),
                ["water-board.replacement-fund-missed"] = ("water-boards.json", typeof(WaterBoardFacts)),
                ["water-board.tariff-below-cost"] = ("water-boards.json", typeof(WaterBoardFacts)),
            },
            rules);
    }

    [Fact]
    public void Thresholds_are_parameters_of_the_rule_files()
    {
        Assert.Equal(
            new Dictionary<string, object>
            {
                ["visitOverdueDays"] = 90,
                ["remindDaysBefore"] = 7,
                ["visitEscalationDays"] = 180,
                ["maxMonthsBetweenTariffReviews"] = 12,
                ["arrearsInstallments"] = 3,
                ["latePenaltyRate"] = 0.02m,
            },
            ShippedRules.Book.ParametersOf("water-boards"));
        Assert.Equal(new Dictionary<string, object> { ["unansweredAfterDays"] = 14, ["remindDaysBefore"] = 3 }, ShippedRules.Book.ParametersOf("invitations"));
        Assert.Equal(new Dictionary<string, object> { ["mayorAfterMoreDays"] = 30, ["remindDaysBefore"] = 7 }, ShippedRules.Book.ParametersOf("commitments"));
        Assert.Equal(new Dictionary<string, object> { ["remindDaysBefore"] = 7 }, ShippedRules.Book.ParametersOf("obligations"));
        Assert.Equal(
            new Dictionary<string, object> { ["minimumMunicipalShare"] = 0.10m, ["planYears"] = 5 },
            ShippedRules.Book.ParametersOf("district-gates"));
    }
}
