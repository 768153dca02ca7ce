using Propilas.Rules.Engine;
using Propilas.Rules.Tests.RuleSets;

namespace Propilas.Rules.Tests.Engine;

/// <summary>What each rule reads of its fact, found in its compiled expressions and messages: hosts build only that.</summary>
public sealed class FactMembersTests
{
    private static IReadOnlySet<string> MembersOf(string ruleId) => ShippedRules.Book.Rules.Single(r => r.Id == ruleId).FactMembers;

    [Theory]
    [InlineData("invitation.sector-missing", "Invited,Name")]
    [InlineData("plan.goal-without-target", "Name,StrategicGoals")]
    [InlineData("plan.activity-without-owner", "Name,OperatingPlanActivities")]
    [InlineData("committee.sector-missing", "Committee,Name")]
    public void A_gate_rule_reads_only_the_members_its_expressions_and_messages_name(string ruleId, string expected)
    {
        Assert.Equal(expected, string.Join(",", MembersOf(ruleId).Order(StringComparer.Ordinal)));
    }

    [Fact]
    public void Members_read_in_computed_values_escalations_and_message_cases_count()
    {
        using var folder = new TempRuleFolder().WithWaterBoardRule(
            raisesWhen: "late",
            extra: """
                "computed": { "late": "waterBoard.DaysSinceLastVisit > days" },
                "escalation": { "when": "waterBoard.Chlorinates == false", "alsoNotifies": ["mayor"] },
                "messageCases": [{ "when": "waterBoard.HasOmPlan", "es": "{waterBoard.Locality}", "en": "{waterBoard.Locality}" }],
                """);

        var rule = RuleBookLoader.Load(folder.Path).Rules.Single();

        Assert.Equal(["Chlorinates", "DaysSinceLastVisit", "HasOmPlan", "Locality", "Name"], rule.FactMembers.Order(StringComparer.Ordinal));
    }
}
