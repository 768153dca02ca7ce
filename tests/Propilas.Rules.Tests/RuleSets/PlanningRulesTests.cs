using System.Text.Json.Nodes;
using Propilas.Rules.Engine;
using Propilas.Rules.Facts;

namespace Propilas.Rules.Tests.RuleSets;

/// <summary>district-planning.json and community-project.json, and the generic evidence fact their rules read.</summary>
public sealed class PlanningRulesTests
{
    private static IRuleEvaluator Rules => ShippedRules.Evaluator;

    private static ProcessEvidenceFacts Process(params (string Step, bool Done, string? Evidence)[] steps) =>
        new("project:san-juan:1", "community-water-project",
            steps.Select(s => new RecordedStep(s.Step, s.Done, s.Evidence is null ? null : JsonNode.Parse(s.Evidence)!.AsObject())));

    [Fact]
    public void The_evidence_fact_reads_recorded_values_and_defaults_for_what_is_missing()
    {
        var p = Process(("committee", true, """{"chairman": "Rosa", "votingMembers": ["Luis", "Eva"], "formedOn": "2026-03-01", "paid": 12.5, "ok": true}"""),
            ("design", false, null));

        Assert.True(p.Done("committee"));
        Assert.False(p.Done("design"));
        Assert.False(p.Done("nowhere"));
        Assert.Equal(2, p.Count("committee", "votingMembers"));
        Assert.Equal(1, p.Count("committee", "chairman"));
        Assert.Equal(0, p.Count("committee", "treasurer"));
        Assert.Equal(12.5m, p.Number("committee", "paid"));
        Assert.Equal(0m, p.Number("committee", "chairman"));
        Assert.Equal(0m, p.Number("design", "initialInvestment"));
        Assert.Equal("Rosa", p.Text("committee", "chairman"));
        Assert.Equal("2026-03-01", p.Text("committee", "formedOn"));
        Assert.Equal("", p.Text("committee", "paid"));
        Assert.True(p.Flag("committee", "ok"));
        Assert.False(p.Flag("committee", "chairman"));
        Assert.True(p.Has("committee", "votingMembers"));
        Assert.False(p.Has("committee", "secretary"));
        Assert.Equal("process:project:san-juan:1", p.Subject.ToString());
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, false)]
    [InlineData(5, false)]
    [InlineData(6, true)]
    public void A_committee_has_four_officers_and_one_to_five_voting_members(int voting, bool raises)
    {
        var members = new JsonArray(Enumerable.Range(1, voting).Select(i => (JsonNode)$"Vocal {i}").ToArray());
        var committee = new JsonObject
        {
            ["chairman"] = "Rosa", ["viceChairman"] = "Juan", ["secretary"] = "Ana", ["treasurer"] = "Pedro", ["votingMembers"] = members,
        };

        var outcomes = Rules.Evaluate(Process(("committee", true, committee.ToJsonString())));

        Assert.Equal(raises, outcomes.Ids().Contains("community-project.committee-size"));
        if (raises)
            Assert.Contains($"{4 + voting} members", outcomes.Single(o => o.RuleId == "community-project.committee-size").Message.En);
    }

    [Fact]
    public void A_committee_without_a_treasurer_is_incomplete_whatever_its_size()
    {
        var outcome = Rules.Evaluate(Process(("committee", true,
            """{"chairman": "Rosa", "viceChairman": "Juan", "secretary": "Ana", "votingMembers": ["a", "b", "c"]}""")))
            .Single(o => o.RuleId == "community-project.committee-size");

        Assert.Contains("treasurer", outcome.Message.En);
    }

    [Theory]
    [InlineData("9999", true)]
    [InlineData("9999.99", true)]
    [InlineData("10000", false)]
    public void The_community_contributes_at_least_ten_percent_of_the_initial_investment(string contribution, bool raises)
    {
        var p = Process(("engineering-design", true, """{"initialInvestment": 100000}"""),
            ("eligibility", true, $$"""{"communityContribution": {{contribution}}, "perCapitaSubsidy": 10, "averagePerCapitaCost": 50}"""));

        Assert.Equal(raises, Rules.Evaluate(p).Ids().Contains("community-project.contribution-low"));
    }

    [Theory]
    [InlineData("4900", true)]
    [InlineData("4999.99", true)]
    [InlineData("5000", false)]
    public void A_down_payment_of_at_least_five_percent_comes_before_the_works(string paid, bool raises)
    {
        var p = Process(("engineering-design", true, """{"initialInvestment": 100000}"""), ("down-payment", true, $$"""{"amount": {{paid}}}"""));

        Assert.Equal(raises, Rules.Evaluate(p).Ids().Contains("community-project.down-payment-low"));
    }

    [Theory]
    [InlineData("40", false, false)]
    [InlineData("40.01", false, true)]
    [InlineData("40.01", true, false)]
    public void A_subsidy_above_eighty_percent_of_the_average_cost_needs_the_justification(string subsidy, bool justified, bool raises)
    {
        var p = Process(("eligibility", true, $$"""{"perCapitaSubsidy": {{subsidy}}, "averagePerCapitaCost": 50}"""),
            ("subsidy-justification", justified, justified ? """{"justification": "Comunidad dispersa"}""" : null));

        Assert.Equal(raises, Rules.Evaluate(p).Ids().Contains("community-project.subsidy-unjustified"));
    }

    [Fact]
    public void A_district_without_diagnosis_or_inputs_fails_both_conditions_and_recorded_figures_must_match_the_plan()
    {
        var none = Planning(hasDiagnosis: false, hasInputs: false, recorded: null);
        Assert.Equal(["diagnosis.missing", "investment-plan.inputs-missing"], Rules.Evaluate(none).Ids());

        var matching = Planning(true, true, """{"totalInvestment": 970095, "municipalCommitment": 1622572}""");
        Assert.Empty(Rules.Evaluate(matching));

        var differs = Planning(true, true, """{"totalInvestment": 970096}""");
        var outcome = Assert.Single(Rules.Evaluate(differs));
        Assert.Equal("investment-plan.figures-differ", outcome.RuleId);
        Assert.Contains("970", outcome.Message.En);

        Assert.Equal(["investment-plan.figures-differ"], Rules.Evaluate(Planning(true, true, """{"totalInvestment": 970095, "balance": 1}""")).Ids());
    }

    private static DistrictPlanningFacts Planning(bool hasDiagnosis, bool hasInputs, string? recorded) => new()
    {
        DistrictKey = "san-juan",
        Name = "San Juan",
        HasDiagnosis = hasDiagnosis,
        DiagnosisLocalities = hasDiagnosis ? 23 : 0,
        HasInvestmentInputs = hasInputs,
        PlannedTotalInvestment = hasInputs ? 970095m : 0m,
        PlannedMunicipalCommitment = hasInputs ? 1622572m : 0m,
        PlannedBalance = hasInputs ? 846496m : 0m,
        Process = Process(("investment-plan", recorded is not null, recorded)),
    };
}
