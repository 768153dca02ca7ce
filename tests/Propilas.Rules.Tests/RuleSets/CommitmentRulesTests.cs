using Propilas.Rules.Engine;
using Propilas.Rules.Facts;

namespace Propilas.Rules.Tests.RuleSets;

public sealed class CommitmentRulesTests
{
    private static RuleOutcome? Overdue(CommitmentFacts commitment) =>
        ShippedRules.Evaluator.Evaluate(commitment).Outcome("commitment.overdue");

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(30, true)]
    public void Overdue_the_day_after_the_due_date(int daysOverdue, bool raised)
    {
        Assert.Equal(raised, Overdue(Sample.Commitment() with { DaysOverdue = daysOverdue }) is not null);
    }

    [Theory]
    [InlineData(CommitmentStatus.Fulfilled)]
    [InlineData(CommitmentStatus.Cancelled)]
    public void Only_pending_commitments_are_overdue(CommitmentStatus status)
    {
        Assert.Empty(ShippedRules.Evaluator.Evaluate(Sample.Commitment() with { Status = status, DaysOverdue = 90 }));
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(30, false)]
    [InlineData(31, true)]
    public void Alerts_the_alderman_and_the_mayor_30_days_later(int daysOverdue, bool escalated)
    {
        var outcome = Overdue(Sample.Commitment() with { DaysOverdue = daysOverdue })!;

        Assert.Equal(escalated, outcome.Escalated);
        Assert.Equal(escalated ? [Role.Alderman, Role.Mayor] : [Role.Alderman], outcome.Notifies);
        Assert.Equal(escalated ? Severity.Critical : Severity.Warning, outcome.Severity);
    }

    [Fact]
    public void Message_of_a_money_commitment_shows_the_amount()
    {
        var outcome = Overdue(Sample.Commitment() with { DaysOverdue = 5 })!;

        Assert.Equal(
            "Municipalidad Distrital de San Juan no ha cumplido su compromiso «Contrapartida para la rehabilitación del sistema de agua» por S/ 12,500.00, que vencía el 30/04/2025 (hace 5 días).",
            outcome.Message.Es);
        Assert.Equal(
            "Municipalidad Distrital de San Juan has not fulfilled its commitment \"Contrapartida para la rehabilitación del sistema de agua\" of S/ 12,500.00, due on 30/04/2025 (5 days ago).",
            outcome.Message.En);
    }

    [Fact]
    public void Message_of_a_commitment_in_kind_has_no_amount()
    {
        var outcome = Overdue(Sample.Commitment() with { Amount = null, What = "Faenas comunales", DaysOverdue = 2 })!;

        Assert.Equal(
            "Municipalidad Distrital de San Juan no ha cumplido su compromiso «Faenas comunales», que vencía el 30/04/2025 (hace 2 días).",
            outcome.Message.Es);
        Assert.DoesNotContain("S/", outcome.Message.En);
    }
}
