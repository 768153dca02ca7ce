using Propilas.Rules.Engine;
using Propilas.Rules.Facts;

namespace Propilas.Rules.Tests.RuleSets;

/// <summary>What people read of an alert: its rule's title, and messages that give a date where a day count would run to thousands.</summary>
public sealed class AlertTextTests
{
    // The fact types the host's alert sources evaluate; rules over the others are gate or step conditions.
    private static readonly Type[] AlertFacts = [typeof(WaterBoardFacts), typeof(InvitationFacts), typeof(CommitmentFacts), typeof(ObligationFacts)];

    [Fact]
    public void Every_rule_that_raises_alerts_has_a_title_in_spanish_and_english()
    {
        var rules = ShippedRules.Book.Rules.Where(r => AlertFacts.Contains(r.FactType)).ToList();

        Assert.Equal(16, rules.Count); // 12 alerts and 4 reminders (issue 19)
        Assert.All(rules, r =>
        {
            Assert.NotNull(r.Title);
            Assert.NotEqual(r.Title.Es, r.Title.En);
            Assert.DoesNotContain(".", r.Title.Es);
        });
        Assert.Equal(rules.Count, rules.Select(r => r.Title!.Es).Distinct().Count());
    }

    private static string Message(IRuleFact fact, string ruleId, Language language) =>
        ShippedRules.Evaluator.Evaluate(fact).Outcome(ruleId)!.Message.In(language);

    public static TheoryData<IRuleFact, string, string> LongAgo() => new()
    {
        { Sample.Board() with { LastVisitOn = new DateOnly(2005, 7, 18), DaysSinceLastVisit = 7807 }, "water-board.visit-overdue", "18/07/2005" },
        { Sample.Board() with { LastTariffReviewOn = new DateOnly(2006, 1, 10), MonthsSinceTariffReview = 250 }, "water-board.tariff-review-overdue", "10/01/2006" },
        { Sample.Commitment() with { DaysOverdue = 7000 }, "commitment.overdue", "30/04/2025" },
        { Sample.Commitment() with { Amount = null, DaysOverdue = 7000 }, "commitment.overdue", "30/04/2025" },
        { Sample.Invitation() with { InvitedOn = new DateOnly(2005, 7, 18), DaysSinceInvitation = 7000 }, "invitation.unanswered", "18/07/2005" },
        { Sample.Obligation() with { DaysOverdue = 7000 }, "obligation.overdue", "30/04/2025" },
    };

    [Theory]
    [MemberData(nameof(LongAgo))]
    public void Over_a_year_a_message_gives_the_date_not_thousands_of_days(IRuleFact fact, string ruleId, string date)
    {
        foreach (var language in new[] { Language.Es, Language.En })
        {
            var message = Message(fact, ruleId, language);
            Assert.Contains(date, message);
            Assert.DoesNotMatch(@"\d{3,}\s*(días|days|meses|months)", message);
        }
    }

    [Fact]
    public void Under_a_year_a_message_still_counts_the_days()
    {
        var message = Message(Sample.Board() with { DaysSinceLastVisit = 120 }, "water-board.visit-overdue", Language.Es);

        Assert.Contains("desde hace 120 días (última: 20/05/2025)", message);
    }
}
