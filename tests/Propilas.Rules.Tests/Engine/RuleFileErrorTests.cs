using Propilas.Rules.Engine;

namespace Propilas.Rules.Tests.Engine;

public sealed class RuleFileErrorTests
{
    private static RuleLoadError SingleError(TempRuleFolder folder)
    {
        using (folder)
        {
            var exception = Assert.Throws<RuleLoadException>(() => RuleBookLoader.Load(folder.Path));
            return Assert.Single(exception.Errors);
        }
    }

    [Fact]
    public void A_valid_file_loads()
    {
        using var folder = new TempRuleFolder().WithWaterBoardRule();

        var book = RuleBookLoader.Load(folder.Path);

        Assert.Equal(["water-board.test"], book.Rules.Select(r => r.Id));
    }

    [Fact]
    public void Bad_json_names_the_file()
    {
        var error = SingleError(new TempRuleFolder().WithWaterBoardRule().With("broken.json", """{ "format": "propilas-rules/v1", "id": """));

        Assert.Equal("broken.json", error.File);
        Assert.Null(error.RuleId);
        Assert.StartsWith("invalid JSON", error.Error);
    }

    [Fact]
    public void A_bad_expression_names_file_rule_and_error_and_is_not_silently_false()
    {
        // RulesEngine would turn this into the constant false if parse errors were not made to throw.
        using var folder = new TempRuleFolder().WithWaterBoardRule(raisesWhen: "waterBoard.DaysSinceLastVisit >= days &&");

        var exception = Assert.Throws<RuleLoadException>(() => RuleBookLoader.Load(folder.Path));

        var error = Assert.Single(exception.Errors);
        Assert.Equal(("boards.json", "water-board.test"), (error.File, error.RuleId));
        Assert.StartsWith("raisesWhen: ", error.Error);
        Assert.Contains("boards.json: rule 'water-board.test': raisesWhen: ", exception.Message);
    }

    [Fact]
    public void A_misspelt_fact_member_is_a_load_error()
    {
        var error = SingleError(new TempRuleFolder().WithWaterBoardRule(raisesWhen: "waterBoard.DaysSinceLastVisits >= days"));

        Assert.Equal("water-board.test", error.RuleId);
        Assert.Contains("DaysSinceLastVisits", error.Error);
    }

    [Fact]
    public void An_expression_that_is_not_a_condition_is_a_load_error()
    {
        var error = SingleError(new TempRuleFolder().WithWaterBoardRule(raisesWhen: "waterBoard.DaysSinceLastVisit"));

        Assert.Equal("water-board.test", error.RuleId);
        Assert.StartsWith("raisesWhen: ", error.Error);
    }

    [Fact]
    public void An_unknown_parameter_names_file_rule_and_parameter()
    {
        var error = SingleError(new TempRuleFolder().WithWaterBoardRule(raisesWhen: "waterBoard.DaysSinceLastVisit >= visitDays && days > 0"));

        Assert.Equal(("boards.json", "water-board.test"), (error.File, error.RuleId));
        Assert.Contains("'visitDays'", error.Error);
    }

    [Fact]
    public void An_unknown_parameter_in_a_message_is_a_load_error()
    {
        var error = SingleError(new TempRuleFolder().WithWaterBoardRule(
            message: """{ "es": "{waterBoard.Name}: {dias} días", "en": "{waterBoard.Name}: {days} days" }"""));

        Assert.Equal("water-board.test", error.RuleId);
        Assert.StartsWith("message.es: placeholder '{dias}'", error.Error);
    }

    [Fact]
    public void A_parameter_no_rule_uses_is_a_load_error()
    {
        var error = SingleError(new TempRuleFolder().WithWaterBoardRule(parameters: """{ "days": 90, "escalationDays": 180 }"""));

        Assert.Equal("boards.json", error.File);
        Assert.Equal("parameter 'escalationDays' is not used by any rule", error.Error);
    }

    [Fact]
    public void A_parameter_must_be_a_number()
    {
        var error = SingleError(new TempRuleFolder().WithWaterBoardRule(parameters: """{ "days": "90" }"""));

        Assert.Equal("parameter 'days' must be a number, not String", error.Error);
    }

    [Fact]
    public void Duplicate_rule_ids_across_files_name_both_files()
    {
        var error = SingleError(new TempRuleFolder()
            .WithWaterBoardRule(file: "a.json", setId: "a")
            .WithWaterBoardRule(file: "b.json", setId: "b"));

        Assert.Equal("a.json, b.json", error.File);
        Assert.Equal("water-board.test", error.RuleId);
        Assert.Equal("duplicate rule id across files", error.Error);
    }

    [Fact]
    public void Duplicate_rule_set_ids_are_a_load_error()
    {
        var error = SingleError(new TempRuleFolder()
            .WithWaterBoardRule(file: "a.json", setId: "boards", ruleId: "water-board.a")
            .WithWaterBoardRule(file: "b.json", setId: "boards", ruleId: "water-board.b"));

        Assert.Equal("a.json, b.json", error.File);
        Assert.Contains("'boards'", error.Error);
    }

    [Fact]
    public void An_unknown_severity_names_the_rule()
    {
        var error = SingleError(new TempRuleFolder().WithWaterBoardRule(severity: "urgent"));

        Assert.Equal("water-board.test", error.RuleId);
        Assert.Equal("severity: unknown severity 'urgent' (known: info, warning, critical)", error.Error);
    }

    [Fact]
    public void An_unknown_role_names_the_rule()
    {
        var error = SingleError(new TempRuleFolder().WithWaterBoardRule(notifies: """["atm", "governor"]"""));

        Assert.Equal("water-board.test", error.RuleId);
        Assert.Contains("unknown role 'governor'", error.Error);
    }

    [Fact]
    public void A_rule_must_notify_someone()
    {
        var error = SingleError(new TempRuleFolder().WithWaterBoardRule(notifies: "[]"));

        Assert.Equal("'notifies' must name at least one role", error.Error);
    }

    [Theory]
    [InlineData("""{ "es": "{waterBoard.Name}: {days} días" }""", "'message.en' is missing")]
    [InlineData("""{ "en": "{waterBoard.Name}: {days} days" }""", "'message.es' is missing")]
    [InlineData("""{ "es": " ", "en": "{days} days" }""", "'message.es' is missing")]
    public void A_message_needs_spanish_and_english(string message, string expected)
    {
        var error = SingleError(new TempRuleFolder().WithWaterBoardRule(message: message));

        Assert.Equal("water-board.test", error.RuleId);
        Assert.StartsWith(expected, error.Error);
    }

    [Fact]
    public void A_title_is_optional_and_loads_in_both_languages()
    {
        using var folder = new TempRuleFolder().WithWaterBoardRule(extra: """ "title": { "es": "Visita vencida", "en": "Visit overdue" }, """);

        var rule = Assert.Single(RuleBookLoader.Load(folder.Path).Rules);

        Assert.Equal(new("Visita vencida", "Visit overdue"), rule.Title);
        using var untitled = new TempRuleFolder().WithWaterBoardRule();
        Assert.Null(Assert.Single(RuleBookLoader.Load(untitled.Path).Rules).Title);
    }

    [Fact]
    public void A_title_needs_spanish_and_english()
    {
        var error = SingleError(new TempRuleFolder().WithWaterBoardRule(extra: """ "title": { "es": "Visita vencida" }, """));

        Assert.Equal("water-board.test", error.RuleId);
        Assert.StartsWith("'title' needs Spanish and English", error.Error);
    }

    [Fact]
    public void A_rule_naming_its_gate_is_refused_since_definitions_say_which_rules_guard_a_gate()
    {
        var error = SingleError(new TempRuleFolder().WithWaterBoardRule(extra: "\"gate\": \"design\","));

        Assert.Contains("'gate'", error.Error);
    }

    [Fact]
    public void An_unknown_fact_names_the_file()
    {
        var error = SingleError(new TempRuleFolder().With("x.json", """
            { "format": "propilas-rules/v1", "id": "x", "fact": "household", "rules": [] }
            """));

        Assert.Equal("x.json", error.File);
        Assert.StartsWith("unknown fact 'household'", error.Error);
    }

    [Fact]
    public void A_misspelt_property_is_a_load_error()
    {
        var error = SingleError(new TempRuleFolder().WithWaterBoardRule(extra: "\"raiseWhen\": \"true\","));

        Assert.Equal("boards.json", error.File);
        Assert.Contains("raiseWhen", error.Error);
    }

    [Fact]
    public void A_computed_value_may_not_use_a_later_one()
    {
        var error = SingleError(new TempRuleFolder().WithWaterBoardRule(
            extra: """ "computed": { "a": "b + 1", "b": "days" }, """));

        Assert.Equal("water-board.test", error.RuleId);
        Assert.StartsWith("computed 'a': ", error.Error);
        Assert.Contains("'b'", error.Error);
    }

    [Theory]
    [InlineData("{waterBoard.Name", "unclosed '{'")]
    [InlineData("{waterBoard.Name}}", "unmatched '}'")]
    [InlineData("{waterBoard.Name + 1}", "must be a name or path")]
    public void A_malformed_message_names_the_rule(string es, string expected)
    {
        var error = SingleError(new TempRuleFolder().WithWaterBoardRule(
            message: $$"""{ "es": {{System.Text.Json.JsonSerializer.Serialize(es)}}, "en": "{days} days" }"""));

        Assert.Equal("water-board.test", error.RuleId);
        Assert.Contains(expected, error.Error);
    }

    [Fact]
    public void A_file_with_rules_but_without_the_format_marker_is_an_error()
    {
        var error = SingleError(new TempRuleFolder().With("old.json", """{ "id": "old", "fact": "waterBoard", "rules": [] }"""));

        Assert.Equal("old.json", error.File);
        Assert.StartsWith("looks like a rule set", error.Error);
    }

    [Fact]
    public void Other_json_files_in_the_folder_are_skipped_and_listed()
    {
        using var folder = new TempRuleFolder().WithWaterBoardRule().With("tariff.json", """{ "fixtureUnits": { "domesticLavatory": 1 } }""");

        var book = RuleBookLoader.Load(folder.Path);

        Assert.Equal(["tariff.json"], book.SkippedFiles);
    }

    [Fact]
    public void An_empty_folder_fails()
    {
        var error = SingleError(new TempRuleFolder());

        Assert.Equal("no rule files found", error.Error);
    }

    [Fact]
    public void Every_problem_of_every_file_is_reported_at_once()
    {
        using var folder = new TempRuleFolder()
            .WithWaterBoardRule(file: "a.json", setId: "a", ruleId: "water-board.a", severity: "urgent")
            .WithWaterBoardRule(file: "b.json", setId: "b", ruleId: "water-board.b", raisesWhen: "nope");

        var exception = Assert.Throws<RuleLoadException>(() => RuleBookLoader.Load(folder.Path));

        Assert.Equal([("a.json", "water-board.a"), ("b.json", "water-board.b")], exception.Errors.Select(e => (e.File, e.RuleId)));
    }
}
