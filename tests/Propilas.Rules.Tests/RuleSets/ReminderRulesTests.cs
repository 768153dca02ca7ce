using Propilas.Rules.Engine;
using Propilas.Rules.Facts;

namespace Propilas.Rules.Tests.RuleSets;

/// <summary>Reminders hold in the days before a limit falls due (remindDaysBefore in the rule file), and stop once the overdue alert takes over.</summary>
public sealed class ReminderRulesTests
{
    private static bool Holds(IRuleFact fact, string ruleId) => ShippedRules.Evaluator.Evaluate(fact).Outcome(ruleId) is not null;

    [Theory]
    [InlineData(82, false)]
    [InlineData(83, true)]
    [InlineData(89, true)]
    [InlineData(90, false)]
    public void A_water_board_visit_is_reminded_seven_days_before_it_is_overdue(int daysSinceLastVisit, bool reminded)
    {
        var board = Sample.Board() with { DaysSinceLastVisit = daysSinceLastVisit };
        Assert.Equal(reminded, Holds(board, "water-board.visit-due"));
        Assert.Equal(daysSinceLastVisit >= 90, Holds(board, "water-board.visit-overdue"));
    }

    [Theory]
    [InlineData(10, false)]
    [InlineData(11, true)]
    [InlineData(13, true)]
    [InlineData(14, false)]
    public void An_invitation_answer_is_reminded_three_days_before_it_counts_as_unanswered(int daysSinceInvitation, bool reminded)
    {
        var invitation = Sample.Invitation() with { DaysSinceInvitation = daysSinceInvitation };
        Assert.Equal(reminded, Holds(invitation, "invitation.answer-due"));
        if (reminded)
            Assert.Contains($"{14 - daysSinceInvitation} días", ShippedRules.Evaluator.Evaluate(invitation).Outcome("invitation.answer-due")!.Message.In(Language.Es));
    }
}
