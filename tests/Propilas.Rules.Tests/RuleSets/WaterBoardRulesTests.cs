using Propilas.Rules.Engine;
using Propilas.Rules.Facts;

namespace Propilas.Rules.Tests.RuleSets;

public sealed class WaterBoardRulesTests
{
    private static IReadOnlyList<RuleOutcome> Evaluate(WaterBoardFacts board) => ShippedRules.Evaluator.Evaluate(board);

    [Fact]
    public void A_board_in_good_standing_raises_nothing()
    {
        Assert.Empty(Evaluate(Sample.Board()));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(89, false)]
    [InlineData(90, true)]
    [InlineData(91, true)]
    public void Visit_overdue_from_90_days_without_a_visit(int days, bool raised)
    {
        var outcome = Evaluate(Sample.Board() with { DaysSinceLastVisit = days }).Outcome("water-board.visit-overdue");

        Assert.Equal(raised, outcome is not null);
    }

    [Theory]
    [InlineData(90, false)]
    [InlineData(179, false)]
    [InlineData(180, true)]
    [InlineData(181, true)]
    public void Visit_overdue_is_escalated_to_the_mayor_at_180_days(int days, bool escalated)
    {
        var outcome = Evaluate(Sample.Board() with { DaysSinceLastVisit = days }).Outcome("water-board.visit-overdue")!;

        Assert.Equal(escalated, outcome.Escalated);
        Assert.Equal(escalated, outcome.Notifies.Contains(Role.Mayor));
        Assert.Equal(escalated ? Severity.Critical : Severity.Warning, outcome.Severity);
        Assert.Contains(Role.Atm, outcome.Notifies);
        Assert.Contains(Role.Coordinator, outcome.Notifies);
    }

    [Fact]
    public void Visit_overdue_message_names_the_board_and_the_days_in_both_languages()
    {
        var board = Sample.Board() with { DaysSinceLastVisit = 120, LastVisitOn = new DateOnly(2025, 1, 3) };

        var outcome = Evaluate(board).Outcome("water-board.visit-overdue")!;

        Assert.Equal(RuleSubject.WaterBoard(42), outcome.Subject);
        Assert.Equal("water-board:42", outcome.Subject.ToString());
        Assert.Equal(
            "JASS Santa Rosa (Chamcas): sin visita municipal de seguimiento desde hace 120 días (última: 3/01/2025); el plazo es de 90 días.",
            outcome.Message.Es);
        Assert.Equal(
            "Water board Santa Rosa (Chamcas): no municipal follow-up visit for 120 days (last: 03/01/2025); the limit is 90 days.",
            outcome.Message.En);
    }

    [Fact]
    public void A_board_never_visited_is_overdue_escalated_and_says_so()
    {
        var outcome = Evaluate(Sample.Board() with { DaysSinceLastVisit = null, LastVisitOn = null }).Outcome("water-board.visit-overdue")!;

        Assert.True(outcome.Escalated);
        Assert.Equal("JASS Santa Rosa (Chamcas): nunca ha recibido una visita municipal de seguimiento.", outcome.Message.Es);
        Assert.Equal("Water board Santa Rosa (Chamcas): has never had a municipal follow-up visit.", outcome.Message.En);
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public void Not_constituted(bool constituted, bool raised)
    {
        var outcome = Evaluate(Sample.Board() with { LegallyConstituted = constituted }).Outcome("water-board.not-constituted");

        Assert.Equal(raised, outcome is not null);
        if (outcome is null) return;
        Assert.Equal([Role.Atm], outcome.Notifies);
        Assert.Equal("JASS Santa Rosa (Chamcas): no está constituida legalmente.", outcome.Message.Es);
        Assert.Equal("Water board Santa Rosa (Chamcas): is not legally constituted.", outcome.Message.En);
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public void No_aom_training(bool trained, bool raised)
    {
        var outcome = Evaluate(Sample.Board() with { AomTrained = trained }).Outcome("water-board.no-aom-training");

        Assert.Equal(raised, outcome is not null);
        if (outcome is null) return;
        Assert.Contains("(AOM)", outcome.Message.Es);
        Assert.Contains("administration, operation and maintenance (AOM)", outcome.Message.En);
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public void No_om_plan(bool hasPlan, bool raised)
    {
        var outcome = Evaluate(Sample.Board() with { HasOmPlan = hasPlan }).Outcome("water-board.no-om-plan");

        Assert.Equal(raised, outcome is not null);
        if (outcome is null) return;
        Assert.Equal("JASS Santa Rosa (Chamcas): no tiene plan de operación y mantenimiento (sistema: gravedad con tratamiento).", outcome.Message.Es);
        Assert.Equal("Water board Santa Rosa (Chamcas): has no operation and maintenance plan (system: gravedad con tratamiento).", outcome.Message.En);
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public void Not_chlorinating_also_notifies_the_health_post(bool chlorinates, bool raised)
    {
        var outcome = Evaluate(Sample.Board() with { Chlorinates = chlorinates }).Outcome("water-board.not-chlorinating");

        Assert.Equal(raised, outcome is not null);
        if (outcome is null) return;
        Assert.Equal(Severity.Critical, outcome.Severity);
        Assert.Equal([Role.Atm, Role.HealthPost], outcome.Notifies);
        Assert.StartsWith("JASS Santa Rosa (Chamcas): no clora el agua", outcome.Message.Es);
        Assert.StartsWith("Water board Santa Rosa (Chamcas): does not chlorinate the water", outcome.Message.En);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(12, false)]
    [InlineData(13, true)]
    public void Tariff_review_overdue_after_more_than_12_months(int months, bool raised)
    {
        var outcome = Evaluate(Sample.Board() with { MonthsSinceTariffReview = months }).Outcome("water-board.tariff-review-overdue");

        Assert.Equal(raised, outcome is not null);
    }

    [Fact]
    public void Tariff_review_message_in_both_languages()
    {
        var board = Sample.Board() with { MonthsSinceTariffReview = 13, LastTariffReviewOn = new DateOnly(2024, 4, 15) };

        var outcome = Evaluate(board).Outcome("water-board.tariff-review-overdue")!;

        Assert.Equal(
            "JASS Santa Rosa (Chamcas): la cuota familiar no se revisa desde hace 13 meses (última revisión: 15/04/2024); debe revisarse al menos cada 12 meses.",
            outcome.Message.Es);
        Assert.Equal(
            "Water board Santa Rosa (Chamcas): the tariff has not been reviewed for 13 months (last review: 15/04/2024); it must be reviewed at least every 12 months.",
            outcome.Message.En);
    }

    [Fact]
    public void A_tariff_never_reviewed_is_overdue()
    {
        var outcome = Evaluate(Sample.Board() with { MonthsSinceTariffReview = null, LastTariffReviewOn = null }).Outcome("water-board.tariff-review-overdue")!;

        Assert.Contains("nunca ha revisado su cuota familiar", outcome.Message.Es);
        Assert.Contains("has never reviewed its tariff", outcome.Message.En);
    }

    [Theory]
    [InlineData(24, 24, false)]
    [InlineData(24, 22, false)]
    [InlineData(24, 21, true)]
    [InlineData(24, 20, true)]
    [InlineData(10, 12, false)]
    public void Loan_arrears_from_3_overdue_installments(int due, int paid, bool raised)
    {
        var outcome = Evaluate(Sample.Board() with { InstallmentsDue = due, InstallmentsPaid = paid }).Outcome("water-board.loan-arrears");

        Assert.Equal(raised, outcome is not null);
    }

    [Fact]
    public void Loan_arrears_message_shows_the_2_percent_late_penalty()
    {
        // 3 x S/ 150.50 = S/ 451.50 overdue; 2 % of it = S/ 9.03.
        var outcome = Evaluate(Sample.Board() with { InstallmentsDue = 24, InstallmentsPaid = 21 }).Outcome("water-board.loan-arrears")!;

        Assert.Equal(
            "JASS Santa Rosa (Chamcas): 3 cuotas del préstamo vencidas (S/ 451.50); la mora del 2 % suma S/ 9.03.",
            outcome.Message.Es);
        Assert.Equal(
            "Water board Santa Rosa (Chamcas): 3 loan installments overdue (S/ 451.50); the 2% late penalty comes to S/ 9.03.",
            outcome.Message.En);
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(null, false)]
    public void Replacement_fund_missed_when_last_months_deposit_is_missing(bool? deposited, bool raised)
    {
        var outcome = Evaluate(Sample.Board() with { ReplacementDepositMadeLastMonth = deposited }).Outcome("water-board.replacement-fund-missed");

        Assert.Equal(raised, outcome is not null);
        if (outcome is null) return;
        Assert.Equal("JASS Santa Rosa (Chamcas): no depositó el mes pasado su aporte al fondo de reposición (S/ 50.00 al mes).", outcome.Message.Es);
        Assert.Equal("Water board Santa Rosa (Chamcas): missed last month's deposit to the replacement fund (S/ 50.00 a month).", outcome.Message.En);
    }

    [Theory]
    [InlineData("4806.00", false)]
    [InlineData("4805.99", true)]
    [InlineData("5000.00", false)]
    public void Tariff_below_cost_when_revenue_does_not_cover_om_debt_service_and_replacement(string revenue, bool raised)
    {
        // Sample costs: O&M 2,400 + debt service 1,806 + replacement 600 = 4,806.
        var board = Sample.Board() with { AnnualTariffRevenue = decimal.Parse(revenue, System.Globalization.CultureInfo.InvariantCulture) };

        var outcome = Evaluate(board).Outcome("water-board.tariff-below-cost");

        Assert.Equal(raised, outcome is not null);
    }

    [Fact]
    public void Tariff_below_cost_message_shows_the_shortfall()
    {
        var outcome = Evaluate(Sample.Board() with { AnnualTariffRevenue = 4_000m }).Outcome("water-board.tariff-below-cost")!;

        Assert.Equal(
            "JASS Santa Rosa (Chamcas): la recaudación anual de cuotas (S/ 4,000.00) no cubre la operación y mantenimiento (S/ 2,400.00), el servicio de la deuda (S/ 1,806.00) y la provisión para reposición (S/ 600.00): faltan S/ 806.00 al año.",
            outcome.Message.Es);
        Assert.Equal(
            "Water board Santa Rosa (Chamcas): annual tariff revenue (S/ 4,000.00) does not cover operation and maintenance (S/ 2,400.00), debt service (S/ 1,806.00) and the replacement provision (S/ 600.00): S/ 806.00 a year short.",
            outcome.Message.En);
    }

    [Fact]
    public void A_neglected_board_raises_every_water_board_rule_once()
    {
        var board = Sample.Board() with
        {
            DaysSinceLastVisit = 200,
            LegallyConstituted = false,
            AomTrained = false,
            HasOmPlan = false,
            Chlorinates = false,
            MonthsSinceTariffReview = 30,
            InstallmentsPaid = 10,
            ReplacementDepositMadeLastMonth = false,
            AnnualTariffRevenue = 100m,
        };

        Assert.Equal(
            [
                "water-board.loan-arrears", "water-board.no-aom-training", "water-board.no-om-plan", "water-board.not-chlorinating",
                "water-board.not-constituted", "water-board.replacement-fund-missed", "water-board.tariff-below-cost",
                "water-board.tariff-review-overdue", "water-board.visit-overdue",
            ],
            Evaluate(board).Ids());
    }
}
