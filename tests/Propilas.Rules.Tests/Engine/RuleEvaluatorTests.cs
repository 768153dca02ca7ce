using Propilas.Rules.Engine;
using Propilas.Rules.Facts;
using Propilas.Rules.Tests.RuleSets;

namespace Propilas.Rules.Tests.Engine;

public sealed class RuleEvaluatorTests
{
    private static RuleEvaluator Load(TempRuleFolder folder) => new(RuleBookLoader.Load(folder.Path));

    [Fact]
    public void A_fact_type_without_rule_sets_raises_nothing()
    {
        using var folder = new TempRuleFolder().WithWaterBoardRule();

        Assert.Empty(Load(folder).Evaluate(Sample.Invitation() with { DaysSinceInvitation = 100 }));
    }

    [Fact]
    public void Escalation_adds_roles_and_keeps_the_rule_severity_unless_it_names_one()
    {
        using var folder = new TempRuleFolder().WithWaterBoardRule(
            parameters: """{ "days": 90, "late": 100 }""",
            notifies: """["atm", "coordinator"]""",
            extra: """ "escalation": { "when": "waterBoard.DaysSinceLastVisit >= late", "alsoNotifies": ["coordinator", "mayor"] }, """);
        var rules = Load(folder);

        var before = rules.Evaluate(Sample.Board() with { DaysSinceLastVisit = 99 }).Single();
        var after = rules.Evaluate(Sample.Board() with { DaysSinceLastVisit = 100 }).Single();

        Assert.Equal((false, Severity.Warning), (before.Escalated, before.Severity));
        Assert.Equal([Role.Atm, Role.Coordinator], before.Notifies);
        Assert.Equal((true, Severity.Warning), (after.Escalated, after.Severity));
        Assert.Equal([Role.Atm, Role.Coordinator, Role.Mayor], after.Notifies);
    }

    [Fact]
    public void Messages_render_booleans_missing_values_lists_and_literal_braces_per_language()
    {
        using var folder = new TempRuleFolder().WithWaterBoardRule(
            raisesWhen: "days > 0",
            extra: """ "computed": { "flags": "new[] { waterBoard.Chlorinates, waterBoard.HasOmPlan }" }, """,
            message: """{ "es": "{{{waterBoard.Chlorinates}}} {waterBoard.DaysSinceLastVisit} [{flags}] {waterBoard.AnnualOmCost}", "en": "{{{waterBoard.Chlorinates}}} {waterBoard.DaysSinceLastVisit} [{flags}] {waterBoard.AnnualOmCost}" }""");

        var outcome = Load(folder).Evaluate(Sample.Board() with { Chlorinates = true, HasOmPlan = false, DaysSinceLastVisit = null, AnnualOmCost = 1234.5m }).Single();

        Assert.Equal("{sí} — [sí, no] 1,234.5", outcome.Message.Es);
        Assert.Equal("{yes} — [yes, no] 1,234.5", outcome.Message.En);
    }

    [Fact]
    public void Named_rules_alone_run_even_when_others_would_hold()
    {
        var district = Sample.District() with
        {
            Invited = Representation.Empty,
            StrategicGoals = [new StrategicGoal("Sin meta", null)],
        };

        var all = ShippedRules.Evaluator.Evaluate(district).Select(o => o.RuleId).ToList();
        var named = ShippedRules.Evaluator.Evaluate(district, new HashSet<string> { "plan.goal-without-target" }).Select(o => o.RuleId).ToList();

        Assert.Contains("invitation.sector-missing", all);
        Assert.Equal(["plan.goal-without-target"], named);
    }

    [Fact]
    public void A_rule_that_throws_names_the_rule_and_the_subject()
    {
        var district = Sample.District() with { StrategicGoals = null! };

        var exception = Assert.Throws<RuleEvaluationException>(() => ShippedRules.Evaluator.Evaluate(district));

        Assert.Equal("plan.goal-without-target", exception.RuleId);
        Assert.Contains("district:san-juan", exception.Message);
    }

    [Fact]
    public void Concurrent_evaluations_do_not_share_state()
    {
        var boards = Enumerable.Range(0, 2_000)
            .Select(i => Sample.Board() with { Id = i, DaysSinceLastVisit = i % 200, InstallmentsPaid = 24 - i % 5, AnnualTariffRevenue = 4_000m + i })
            .ToArray();
        var sequential = boards.Select(b => Describe(ShippedRules.Evaluator.Evaluate(b))).ToArray();

        var parallel = new string[boards.Length];
        Parallel.For(0, boards.Length, i => parallel[i] = Describe(ShippedRules.Evaluator.Evaluate(boards[i])));

        Assert.Equal(sequential, parallel);
        Assert.Contains(sequential, s => s.Contains("water-board.loan-arrears"));

        static string Describe(IReadOnlyList<RuleOutcome> outcomes) =>
            string.Join("|", outcomes.Select(o => $"{o.RuleId} {o.Subject} {o.Escalated} {o.Message.Es}"));
    }
}
