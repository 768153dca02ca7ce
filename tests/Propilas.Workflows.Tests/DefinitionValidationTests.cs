using System.Text.Json.Nodes;
using Propilas.Workflows.Definitions;
using Propilas.Workflows.Tests.Support;
using static Propilas.Workflows.Tests.Support.Defs;

namespace Propilas.Workflows.Tests;

public class PropilasDefinitionTests
{
    [Fact]
    public void The_real_definition_loads_with_its_three_stages_in_order()
    {
        var d = Plan;
        Assert.Equal("propilas-strategic-plan", d.Id.Value);
        Assert.Equal(1, d.Version);
        Assert.Equal(["preparatory", "design", "institutional"], d.Stages.Select(s => s.Id.Value));
        Assert.Equal(["coordinator", "mayor", "alderman"], d.Roles);
    }

    [Theory]
    [InlineData("preparatory", "methodology", "coordinator", StepKind.Task)]
    [InlineData("preparatory", "induction", "coordinator", StepKind.Task)]
    [InlineData("preparatory", "mayor-support", "mayor", StepKind.Approval)]
    [InlineData("preparatory", "diagnosis", "coordinator", StepKind.Task)]
    [InlineData("preparatory", "stakeholder-invitations", "alderman", StepKind.Task)]
    [InlineData("design", "planning-workshop-1", "coordinator", StepKind.Task)]
    [InlineData("design", "planning-workshop-2", "coordinator", StepKind.Task)]
    [InlineData("design", "investment-plan", "coordinator", StepKind.Task)]
    [InlineData("design", "plan-document", "coordinator", StepKind.Task)]
    [InlineData("institutional", "support-committee", "alderman", StepKind.Task)]
    [InlineData("institutional", "commitments", "alderman", StepKind.Task)]
    [InlineData("institutional", "council-resolution", "mayor", StepKind.Approval)]
    public void The_steps_of_the_issue_exist_in_their_stage_with_role_and_kind(string stage, string step, string role, StepKind kind)
    {
        var s = Plan.FindStep(new StepId(step));
        Assert.NotNull(s);
        Assert.Equal(stage, Plan.StageOf(s.Id).Id.Value);
        Assert.Equal(role, s.Role);
        Assert.Equal(kind, s.Kind);
        Assert.True(s.Required);
    }

    [Fact]
    public void Council_resolution_requires_resolution_number_and_date()
    {
        var fields = Plan.FindStep(new StepId("council-resolution"))!.Evidence.ToDictionary(f => f.Name);
        Assert.True(fields["resolutionNumber"].Required);
        Assert.Equal(EvidenceType.Text, fields["resolutionNumber"].Type);
        Assert.True(fields["resolutionDate"].Required);
        Assert.Equal(EvidenceType.Date, fields["resolutionDate"].Type);
    }

    [Fact]
    public void Stakeholder_invitations_depend_on_induction()
    {
        Assert.Contains(new StepId("induction"), Plan.FindStep(new StepId("stakeholder-invitations"))!.DependsOn);
    }

    [Fact]
    public void Methodology_records_workshops_held_and_their_dates()
    {
        var fields = Plan.FindStep(new StepId("methodology"))!.Evidence.ToDictionary(f => f.Name);
        Assert.Equal(EvidenceType.Integer, fields["workshopsHeld"].Type);
        Assert.Equal(EvidenceType.DateList, fields["workshopDates"].Type);
    }

    [Fact]
    public void Every_gate_is_approved_by_the_mayor()
    {
        Assert.All(Plan.Stages, s => Assert.Equal("mayor", s.Gate.ApproverRole));
    }

    [Fact]
    public void The_folder_reads_to_the_real_definition()
    {
        var all = DefinitionCatalog.ReadFolder(Folder);
        var catalog = new DefinitionCatalog(all);
        // Version 1 stays beside version 2 (published versions are immutable; running instances keep theirs).
        var plan = new DefinitionId("propilas-strategic-plan");
        Assert.Equal(2, catalog.Latest(plan).Version);
        Assert.Empty(catalog.Get(plan, 1).Stages.SelectMany(s => s.Steps).SelectMany(s => s.Conditions));
        Assert.Equal(["diagnosis.missing"], catalog.Latest(plan).FindStep(new StepId("diagnosis"))!.Conditions);
        Assert.True(catalog.Contains(new DefinitionId("community-water-project")));
    }
}

public class DefinitionErrorTests
{
    /// <summary>Reads <paramref name="def"/> expecting failure; asserts the file, the path and what is wrong are all named.</summary>
    private static WorkflowDefinitionException AssertInvalid(JsonNode def, string path, string what)
    {
        var e = Assert.Throws<WorkflowDefinitionException>(() => Read(def, "bad-flow.json"));
        Assert.Equal("bad-flow.json", e.File);
        Assert.Contains("bad-flow.json", e.Message);
        Assert.Contains(e.Errors, x => x.Path == path && x.Message.Contains(what, StringComparison.Ordinal));
        Assert.Contains($"{path}: ", e.Message);
        Assert.Contains(what, e.Message);
        return e;
    }

    [Fact]
    public void The_minimal_definition_is_valid()
    {
        var d = MinimalDefinition();
        Assert.Equal(2, d.Stages.Count);
        Assert.Equal(5, d.FindStep(new StepId("a"))!.DueDays);
        Assert.Null(d.FindStep(new StepId("c"))!.DueDays);
        Assert.Equal([new StepId("a")], d.FindStep(new StepId("b"))!.DependsOn);
    }

    [Fact]
    public void Invalid_json_names_the_file_the_line_and_the_problem()
    {
        var e = Assert.Throws<WorkflowDefinitionException>(() => DefinitionReader.Read("{\n  \"id\": \"x\",\n  \"version\": ,\n}", "broken.json"));
        Assert.Contains("broken.json", e.Message);
        var error = Assert.Single(e.Errors);
        Assert.Equal("line 3", error.Path);
        Assert.Contains("not valid JSON", error.Message);
    }

    [Fact]
    public void A_json_array_instead_of_an_object_is_rejected()
    {
        var e = Assert.Throws<WorkflowDefinitionException>(() => DefinitionReader.Read("[]", "array.json"));
        Assert.Contains("array.json", e.Message);
        Assert.Equal("$", Assert.Single(e.Errors).Path);
    }

    [Fact]
    public void Unknown_dependency()
    {
        var def = Minimal();
        StepAt(def, 0, 1)["dependsOn"] = new JsonArray("a", "ghost");
        AssertInvalid(def, "$.stages[0].steps[1].dependsOn[1]", "unknown dependency 'ghost'");
    }

    [Fact]
    public void Misspelt_key_is_reported_not_ignored()
    {
        var def = Minimal();
        StepAt(def, 0, 1)["dependson"] = new JsonArray("a");
        AssertInvalid(def, "$.stages[0].steps[1].dependson", "unknown key");
    }

    [Fact]
    public void Keys_starting_with_an_underscore_are_comments()
    {
        var def = Minimal();
        def["_comment"] = "notes for whoever edits this file";
        Assert.Equal("test-flow", Read(def).Id.Value);
    }

    [Fact]
    public void Cycle_of_two_steps()
    {
        var def = Minimal();
        StepAt(def, 0, 0)["dependsOn"] = new JsonArray("b"); // a -> b -> a
        var e = AssertInvalid(def, "$.stages[0].steps[1].dependsOn", "dependency cycle: a -> b -> a");
        Assert.Single(e.Errors);
    }

    [Fact]
    public void Cycle_of_three_steps()
    {
        var def = Minimal();
        StepAt(def, 0, 0)["dependsOn"] = new JsonArray("c"); // a -> c -> b -> a
        StepAt(def, 0, 2)["dependsOn"] = new JsonArray("b");
        var e = AssertInvalid(def, "$.stages[0].steps[1].dependsOn", "dependency cycle: a -> c -> b -> a");
        Assert.Single(e.Errors);
    }

    [Fact]
    public void A_step_depending_on_itself_is_a_cycle()
    {
        var def = Minimal();
        StepAt(def, 0, 2)["dependsOn"] = new JsonArray("c");
        AssertInvalid(def, "$.stages[0].steps[2].dependsOn", "dependency cycle: c -> c");
    }

    [Fact]
    public void Two_separate_cycles_are_both_reported()
    {
        var def = Minimal();
        StepAt(def, 0, 0)["dependsOn"] = new JsonArray("b"); // a <-> b
        StepAt(def, 1, 0)["dependsOn"] = new JsonArray("e"); // d <-> e
        var e = Assert.Throws<WorkflowDefinitionException>(() => Read(def));
        Assert.Equal(2, e.Errors.Count(x => x.Message.StartsWith("dependency cycle")));
    }

    [Fact]
    public void Dependency_on_a_later_stage()
    {
        var def = Minimal();
        StepAt(def, 0, 2)["dependsOn"] = new JsonArray("d");
        AssertInvalid(def, "$.stages[0].steps[2].dependsOn[0]", "'d' belongs to a later stage");
    }

    [Fact]
    public void Dependency_on_an_earlier_stage_is_allowed()
    {
        var def = Minimal();
        StepAt(def, 1, 0)["dependsOn"] = new JsonArray("c");
        Assert.Equal([new StepId("c")], Read(def).FindStep(new StepId("d"))!.DependsOn);
    }

    [Fact]
    public void Dependency_on_an_optional_step_of_an_earlier_stage()
    {
        // If "c" is skipped, the first stage can close without it and "d" would stay blocked for ever.
        var def = Minimal();
        StepAt(def, 0, 2)["required"] = false;
        StepAt(def, 1, 0)["dependsOn"] = new JsonArray("c");
        AssertInvalid(def, "$.stages[1].steps[0].dependsOn[0]", "'c' is optional and belongs to an earlier stage");
    }

    [Fact]
    public void Dependency_on_an_optional_step_of_the_same_stage_is_allowed()
    {
        var def = Minimal();
        StepAt(def, 0, 0)["required"] = false;
        var d = Read(def);
        Assert.False(d.FindStep(new StepId("a"))!.Required);
        Assert.Equal([new StepId("a")], d.FindStep(new StepId("b"))!.DependsOn);
    }

    [Theory]
    [InlineData("\"true\"")]
    [InlineData("1")]
    [InlineData("null")]
    public void Required_that_is_not_a_boolean_is_an_error_not_a_silent_default(string value)
    {
        var def = Minimal();
        StepAt(def, 0, 0)["evidence"]![0]!["required"] = JsonNode.Parse(value);
        StepAt(def, 0, 2)["required"] = JsonNode.Parse(value);
        var e = AssertInvalid(def, "$.stages[0].steps[0].evidence[0].required", "must be true or false");
        Assert.Contains(e.Errors, x => x.Path == "$.stages[0].steps[2].required");
    }

    [Fact]
    public void Required_defaults_to_true_for_steps_and_false_for_evidence()
    {
        var def = Minimal();
        StepAt(def, 0, 0)["evidence"] = new JsonArray(new JsonObject { ["name"] = "note", ["type"] = "text", ["label"] = Text("note") });
        var a = Read(def).FindStep(new StepId("a"))!;
        Assert.True(a.Required);
        Assert.False(a.Evidence[0].Required);
    }

    [Fact]
    public void Duplicate_step_id_within_a_stage()
    {
        var def = Minimal();
        StepAt(def, 0, 2)["id"] = "a";
        AssertInvalid(def, "$.stages[0].steps[2].id", "duplicate step id 'a'");
    }

    [Fact]
    public void Duplicate_step_id_across_stages()
    {
        var def = Minimal();
        StepAt(def, 1, 1)["id"] = "b";
        AssertInvalid(def, "$.stages[1].steps[1].id", "duplicate step id 'b'");
    }

    [Fact]
    public void Duplicate_stage_id()
    {
        var def = Minimal();
        StageAt(def, 1)["id"] = "first";
        AssertInvalid(def, "$.stages[1].id", "duplicate stage id 'first'");
    }

    [Fact]
    public void Unknown_role_on_a_step()
    {
        var def = Minimal();
        StepAt(def, 1, 0)["role"] = "governor";
        AssertInvalid(def, "$.stages[1].steps[0].role", "unknown role 'governor'");
    }

    [Fact]
    public void Unknown_role_on_a_gate()
    {
        var def = Minimal();
        StageAt(def, 1)["gate"]!["approverRole"] = "prefect";
        AssertInvalid(def, "$.stages[1].gate.approverRole", "unknown role 'prefect'");
    }

    [Fact]
    public void Missing_gate()
    {
        var def = Minimal();
        StageAt(def, 1).Remove("gate");
        AssertInvalid(def, "$.stages[1].gate", "missing gate");
    }

    [Fact]
    public void Gate_without_approver_role()
    {
        var def = Minimal();
        StageAt(def, 0)["gate"] = new JsonObject();
        AssertInvalid(def, "$.stages[0].gate.approverRole", "missing");
    }

    [Fact]
    public void Missing_stage_list()
    {
        var def = Minimal();
        def.Remove("stages");
        AssertInvalid(def, "$.stages", "missing list");
    }

    [Fact]
    public void Empty_stage_list()
    {
        var def = Minimal();
        def["stages"] = new JsonArray();
        AssertInvalid(def, "$.stages", "at least one stage");
    }

    [Fact]
    public void Stage_without_steps()
    {
        var def = Minimal();
        StageAt(def, 1)["steps"] = new JsonArray();
        AssertInvalid(def, "$.stages[1].steps", "at least one step");
    }

    [Fact]
    public void Unknown_kind()
    {
        var def = Minimal();
        StepAt(def, 0, 1)["kind"] = "vote";
        AssertInvalid(def, "$.stages[0].steps[1].kind", "unknown kind 'vote'");
    }

    [Fact]
    public void Unknown_evidence_type()
    {
        var def = Minimal();
        StepAt(def, 0, 0)["evidence"] = new JsonArray(Field("count", "integer"), Field("photo", "image"));
        AssertInvalid(def, "$.stages[0].steps[0].evidence[1].type", "unknown evidence type 'image'");
    }

    [Fact]
    public void Duplicate_evidence_field()
    {
        var def = Minimal();
        StepAt(def, 0, 0)["evidence"] = new JsonArray(Field("count", "integer"), Field("count", "text"));
        AssertInvalid(def, "$.stages[0].steps[0].evidence", "evidence field 'count' defined twice");
    }

    [Fact]
    public void Negative_due_days()
    {
        var def = Minimal();
        StepAt(def, 1, 0)["dueDays"] = -1;
        AssertInvalid(def, "$.stages[1].steps[0].dueDays", "must not be negative");
    }

    [Fact]
    public void Due_days_that_are_not_a_whole_number()
    {
        var def = Minimal();
        StepAt(def, 1, 0)["dueDays"] = "thirty";
        AssertInvalid(def, "$.stages[1].steps[0].dueDays", "not a whole number");
    }

    [Theory]
    [InlineData("$.id", "Test_Flow")]
    [InlineData("$.stages[0].id", "First")]
    [InlineData("$.stages[0].steps[2].id", "step c")]
    [InlineData("$.stages[1].steps[0].id", "d-")]
    public void Ids_must_be_kebab_case(string path, string badId)
    {
        var def = Minimal();
        var target = path switch
        {
            "$.id" => def,
            "$.stages[0].id" => StageAt(def, 0),
            "$.stages[0].steps[2].id" => StepAt(def, 0, 2),
            _ => StepAt(def, 1, 0),
        };
        target["id"] = badId;
        if (badId == "d-") StepAt(def, 1, 1)["dependsOn"] = new JsonArray(badId);
        AssertInvalid(def, path, $"'{badId}' must be kebab-case");
    }

    [Fact]
    public void Version_must_be_positive()
    {
        var def = Minimal();
        def["version"] = 0;
        AssertInvalid(def, "$.version", "from 1 up");
    }

    [Fact]
    public void Missing_id_and_names_are_reported()
    {
        var def = Minimal();
        def.Remove("id");
        StepAt(def, 0, 0).Remove("name");
        var e = AssertInvalid(def, "$.id", "missing");
        Assert.Contains(e.Errors, x => x.Path == "$.stages[0].steps[0].name");
    }

    [Fact]
    public void Several_errors_in_one_file_are_all_reported()
    {
        var def = Minimal();
        StepAt(def, 0, 1)["dependsOn"] = new JsonArray("ghost");
        StepAt(def, 0, 2)["role"] = "governor";
        StepAt(def, 1, 0)["kind"] = "vote";
        StepAt(def, 1, 1)["dueDays"] = -3;
        StageAt(def, 1).Remove("gate");
        var e = Assert.Throws<WorkflowDefinitionException>(() => Read(def, "many.json"));
        Assert.Equal(
            new[]
            {
                "$.stages[0].steps[1].dependsOn[0]",
                "$.stages[0].steps[2].role",
                "$.stages[1].gate",
                "$.stages[1].steps[0].kind",
                "$.stages[1].steps[1].dueDays",
            },
            e.Errors.Select(x => x.Path).Order(StringComparer.Ordinal));
        foreach (var error in e.Errors) Assert.Contains(error.ToString(), e.Message);
    }

    [Fact]
    public void A_bad_file_read_from_disk_is_named_by_its_path()
    {
        var dir = Directory.CreateTempSubdirectory("propilas-defs-");
        try
        {
            var def = Minimal();
            StepAt(def, 0, 1)["role"] = "governor";
            var file = Path.Combine(dir.FullName, "bad.json");
            System.IO.File.WriteAllText(file, def.ToJsonString());
            var e = Assert.Throws<WorkflowDefinitionException>(() => DefinitionCatalog.ReadFolder(dir.FullName));
            Assert.Equal(file, e.File);
            Assert.Contains(file, e.Message);
            Assert.Contains("$.stages[0].steps[1].role", e.Message);
        }
        finally { dir.Delete(recursive: true); }
    }
}
