using Propilas.Rules.Engine;
using Propilas.Rules.Facts;

namespace Propilas.Rules.Tests.RuleSets;

public sealed class InvitationRulesTests
{
    private static RuleOutcome? Unanswered(InvitationFacts invitation) =>
        ShippedRules.Evaluator.Evaluate(invitation).Outcome("invitation.unanswered");

    [Theory]
    [InlineData(0, false)]
    [InlineData(13, false)]
    [InlineData(14, true)]
    [InlineData(15, true)]
    public void Unanswered_14_days_after_the_invitation(int days, bool raised)
    {
        Assert.Equal(raised, Unanswered(Sample.Invitation() with { DaysSinceInvitation = days }) is not null);
    }

    [Fact]
    public void An_answered_invitation_raises_nothing_however_old()
    {
        Assert.Empty(ShippedRules.Evaluator.Evaluate(Sample.Invitation() with { Answered = true, DaysSinceInvitation = 60 }));
    }

    [Fact]
    public void Unanswered_alerts_the_alderman_in_both_languages()
    {
        var outcome = Unanswered(Sample.Invitation() with { DaysSinceInvitation = 14, InvitedOn = new DateOnly(2025, 3, 3) })!;

        Assert.Equal([Role.Alderman], outcome.Notifies);
        Assert.Equal("invitation:7", outcome.Subject.ToString());
        Assert.Equal(
            "Puesto de Salud Llacanora (salud) no ha respondido la invitación al taller de metodología enviada el 3/03/2025, hace 14 días.",
            outcome.Message.Es);
        Assert.Equal(
            "Puesto de Salud Llacanora (health) has not answered the invitation to the methodology workshop sent on 03/03/2025, 14 days ago.",
            outcome.Message.En);
    }
}
