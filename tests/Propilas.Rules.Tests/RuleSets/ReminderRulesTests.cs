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

    [Theory]
    [InlineData(8, 0, false)]
    [InlineData(7, 0, true)]
    [InlineData(1, 0, true)]
    [InlineData(0, 0, true)]
    [InlineData(0, 1, false)]
    public void An_obligation_is_reminded_seven_days_before_it_falls_due_until_it_is_overdue(int daysUntilDue, int daysOverdue, bool reminded)
    {
        var obligation = Sample.Obligation() with { DaysUntilDue = daysUntilDue, DaysOverdue = daysOverdue };
        Assert.Equal(reminded, Holds(obligation, "obligation.due-soon"));
        Assert.False(Holds(obligation with { Fulfilled = true }, "obligation.due-soon"));
        if (reminded)
            Assert.Contains(daysUntilDue == 0 ? "vence hoy" : $"en {daysUntilDue} días",
                ShippedRules.Evaluator.Evaluate(obligation).Outcome("obligation.due-soon")!.Message.In(Language.Es));
    }

    [Theory]
    [InlineData(8, 0, false)]
    [InlineData(7, 0, true)]
    [InlineData(0, 0, true)]
    [InlineData(0, 1, false)]
    public void A_pending_commitment_is_reminded_seven_days_before_it_falls_due_until_it_is_overdue(int daysUntilDue, int daysOverdue, bool reminded)
    {
        var commitment = Sample.Commitment() with { DaysUntilDue = daysUntilDue, DaysOverdue = daysOverdue };
        Assert.Equal(reminded, Holds(commitment, "commitment.due-soon"));
        Assert.False(Holds(commitment with { Status = CommitmentStatus.Fulfilled }, "commitment.due-soon"));
        Assert.False(Holds(commitment with { Status = CommitmentStatus.Cancelled }, "commitment.due-soon"));
        if (reminded && daysUntilDue > 0)
            Assert.Contains($"en {daysUntilDue} días", ShippedRules.Evaluator.Evaluate(commitment).Outcome("commitment.due-soon")!.Message.In(Language.Es));
    }
}
