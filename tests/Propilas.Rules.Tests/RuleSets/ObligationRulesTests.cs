using Propilas.Rules.Engine;
using Propilas.Rules.Facts;

namespace Propilas.Rules.Tests.RuleSets;

public sealed class ObligationRulesTests
{
    private static RuleOutcome? Overdue(ObligationFacts obligation) =>
        ShippedRules.Evaluator.Evaluate(obligation).Outcome("obligation.overdue");

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(100, true)]
    public void Overdue_the_day_after_the_due_date(int daysOverdue, bool raised)
    {
        Assert.Equal(raised, Overdue(Sample.Obligation() with { DaysOverdue = daysOverdue }) is not null);
    }

    [Fact]
    public void A_fulfilled_obligation_is_never_overdue()
    {
        Assert.Empty(ShippedRules.Evaluator.Evaluate(Sample.Obligation() with { Fulfilled = true, DaysOverdue = 100 }));
    }

    [Fact]
    public void Alerts_the_coordinator_and_the_mayor_with_the_obligation_in_each_language()
    {
        var outcome = Overdue(Sample.Obligation() with { DaysOverdue = 3 })!;

        Assert.Equal([Role.Coordinator, Role.Mayor], outcome.Notifies);
        Assert.Equal("obligation:5", outcome.Subject.ToString());
        Assert.Equal(
            "Ministerio de Salud: obligación vencida el 30/04/2025 (hace 3 días): Brindar información sobre la clasificación de riesgos sanitarios.",
            outcome.Message.Es);
        Assert.Equal(
            "Ministry of Health: obligation due on 30/04/2025 (3 days ago): Provide information on the classification of health risks.",
            outcome.Message.En);
    }
}
