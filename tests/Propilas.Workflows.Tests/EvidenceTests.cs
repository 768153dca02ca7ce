using System.Text.Json.Nodes;
using Propilas.Workflows.Definitions;
using Propilas.Workflows.Runtime;
using Propilas.Workflows.Tests.Support;
using static Propilas.Workflows.Tests.Support.Actors;
using static Propilas.Workflows.Tests.Support.Defs;

namespace Propilas.Workflows.Tests;

/// <summary>Evidence through <see cref="WorkflowEngine.CompleteStep"/>: required fields, each type, normalisation.</summary>
public class EvidenceTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);
    private static readonly StepId Record = new("record");

    /// <summary>One step "record" with an optional field of every type, plus a required "title".</summary>
    private static readonly WorkflowDefinition Def = Read(new JsonObject
    {
        ["id"] = "evidence-flow",
        ["version"] = 1,
        ["name"] = Text("Evidence"),
        ["roles"] = new JsonArray("coordinator", "mayor"),
        ["stages"] = new JsonArray(Stage("only", Step("record", evidence: new JsonArray(
            Field("title", "text", required: true),
            Field("text", "text"),
            Field("integer", "integer"),
            Field("decimal", "decimal"),
            Field("date", "date"),
            Field("boolean", "boolean"),
            Field("textList", "textList"),
            Field("dateList", "dateList"))))),
    });

    private static Transition Complete(string evidence)
    {
        var i = WorkflowEngine.Start(Def, new SubjectKey("district:lajas"), Coordinator, T0).Instance;
        return WorkflowEngine.CompleteStep(Def, i, Record, Coordinator, Json(evidence), T0);
    }

    private static Transition CompleteWith(string field, string value) => Complete($$"""{"title": "t", "{{field}}": {{value}} }""");

    [Theory]
    [InlineData("text", "\"  Acta N° 12  \"", "\"Acta N° 12\"")]
    [InlineData("integer", "0", "0")]
    [InlineData("integer", "45", "45")]
    [InlineData("decimal", "1500.50", "1500.50")]
    [InlineData("decimal", "-320.5", "-320.5")]
    [InlineData("decimal", "7", "7")]
    [InlineData("date", "\"2025-02-28\"", "\"2025-02-28\"")]
    [InlineData("date", "\"2024-02-29\"", "\"2024-02-29\"")]
    [InlineData("boolean", "true", "true")]
    [InlineData("boolean", "false", "false")]
    [InlineData("textList", "[\" JASS \", \"Centro de salud\"]", "[\"JASS\",\"Centro de salud\"]")]
    [InlineData("dateList", "[\"2005-03-14\", \"2005-03-15\"]", "[\"2005-03-14\",\"2005-03-15\"]")]
    public void Valid_values_are_accepted_and_stored_normalised(string field, string value, string stored)
    {
        var t = CompleteWith(field, value);
        var i = t.Ok();
        var expected = JsonNode.Parse(stored);
        Assert.True(JsonNode.DeepEquals(expected, i.Step(Record).Evidence![field]), i.Step(Record).Evidence!.ToJsonString());
        Assert.True(JsonNode.DeepEquals(expected, t.Entry!.Evidence![field]));
        Assert.Equal(2, i.Step(Record).Evidence!.Count); // title and the field, nothing else
    }

    [Theory]
    [InlineData("text", "5")]
    [InlineData("text", "true")]
    [InlineData("text", "[\"a\"]")]
    [InlineData("integer", "-1")]
    [InlineData("integer", "2.5")]
    [InlineData("integer", "\"3\"")]
    [InlineData("integer", "1e30")]
    [InlineData("integer", "true")]
    [InlineData("decimal", "\"1500.50\"")]
    [InlineData("decimal", "true")]
    [InlineData("decimal", "[1]")]
    [InlineData("date", "\"2025-02-30\"")]
    [InlineData("date", "\"2025-02-29\"")]
    [InlineData("date", "\"2025-13-01\"")]
    [InlineData("date", "\"2025-2-3\"")]
    [InlineData("date", "\"03/05/2025\"")]
    [InlineData("date", "\"2025-03-05T10:00:00\"")]
    [InlineData("date", "\" 2025-03-05\"")]
    [InlineData("date", "20250305")]
    [InlineData("boolean", "\"true\"")]
    [InlineData("boolean", "1")]
    [InlineData("textList", "\"JASS\"")]
    [InlineData("textList", "[\"JASS\", \"  \"]")]
    [InlineData("textList", "[\"JASS\", 3]")]
    [InlineData("dateList", "\"2005-03-14\"")]
    [InlineData("dateList", "[\"2005-03-14\", \"2005-02-30\"]")]
    [InlineData("dateList", "[20050314]")]
    public void Values_of_the_wrong_type_are_rejected_naming_the_field(string field, string value)
    {
        var e = CompleteWith(field, value).Fails(WorkflowErrorKind.InvalidEvidence);
        var (key, messages) = Assert.Single(e.FieldErrors!);
        Assert.Equal($"evidence.{field}", key);
        Assert.NotEmpty(Assert.Single(messages));
    }

    [Fact]
    public void The_date_error_names_the_expected_format()
    {
        var e = CompleteWith("date", "\"2025-02-30\"").Fails(WorkflowErrorKind.InvalidEvidence);
        Assert.Contains("yyyy-MM-dd", e.FieldErrors!["evidence.date"][0]);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"title": null}""")]
    [InlineData("""{"title": "   "}""")]
    [InlineData("""{"integer": 3}""")]
    public void A_missing_required_field_is_named(string evidence)
    {
        var e = Complete(evidence).Fails(WorkflowErrorKind.InvalidEvidence);
        Assert.Equal(["is required"], e.FieldErrors!["evidence.title"]);
        Assert.Single(e.FieldErrors!);
    }

    [Fact]
    public void No_evidence_at_all_lists_every_required_field()
    {
        var plan = Plan;
        var i = WorkflowEngine.Start(plan, new SubjectKey("district:utco"), Coordinator, T0).Instance;
        var e = WorkflowEngine.CompleteStep(plan, i, new StepId("induction"), Coordinator, null, T0).Fails(WorkflowErrorKind.InvalidEvidence);
        Assert.Equal(
            ["evidence.aldermenAttended", "evidence.mayorAttended", "evidence.meetingDates", "evidence.officialsAttended"],
            e.FieldErrors!.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_minimal_definition_requires_count()
    {
        var def = MinimalDefinition();
        var i = WorkflowEngine.Start(def, new SubjectKey("district:utco"), Coordinator, T0).Instance;
        var e = WorkflowEngine.CompleteStep(def, i, new StepId("a"), Coordinator, Json("{}"), T0).Fails(WorkflowErrorKind.InvalidEvidence);
        Assert.Equal(["evidence.count"], e.FieldErrors!.Keys);
    }

    [Fact]
    public void An_empty_list_counts_as_missing()
    {
        var i = WorkflowEngine.Start(Plan, new SubjectKey("district:utco"), Coordinator, T0).Instance;
        var e = WorkflowEngine.CompleteStep(Plan, i, new StepId("methodology"), Coordinator,
            Json("""{"workshopsHeld": 2, "workshopDates": []}"""), T0).Fails(WorkflowErrorKind.InvalidEvidence);
        Assert.Equal(["is required"], e.FieldErrors!["evidence.workshopDates"]);
    }

    [Fact]
    public void An_unknown_field_is_rejected()
    {
        var e = Complete("""{"title": "t", "colour": "blue"}""").Fails(WorkflowErrorKind.InvalidEvidence);
        Assert.Contains("unknown field", Assert.Single(e.FieldErrors!["evidence.colour"]));
    }

    [Fact]
    public void Evidence_that_is_not_an_object_is_rejected()
    {
        var e = Complete("""["title"]""").Fails(WorkflowErrorKind.InvalidEvidence);
        Assert.True(e.FieldErrors!.ContainsKey("evidence"));
    }

    [Fact]
    public void Several_bad_fields_are_all_reported()
    {
        var e = Complete("""{"integer": -2, "date": "2025-02-30", "extra": 1}""").Fails(WorkflowErrorKind.InvalidEvidence);
        Assert.Equal(["evidence.date", "evidence.extra", "evidence.integer", "evidence.title"], e.FieldErrors!.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Blank_optional_fields_are_left_out_and_the_rest_is_normalised()
    {
        var i = Complete("""
            {"title": "  Plan 2005  ", "text": "", "integer": null, "textList": [], "decimal": 12.75,
             "date": "2025-03-05", "dateList": ["2025-03-05"], "boolean": false}
            """).Ok();
        Assert.Equal(
            """{"title":"Plan 2005","decimal":12.75,"date":"2025-03-05","boolean":false,"dateList":["2025-03-05"]}""",
            i.Step(Record).Evidence!.ToJsonString());
    }

    [Fact]
    public void A_step_without_evidence_fields_accepts_no_evidence_and_rejects_any()
    {
        var def = MinimalDefinition();
        var i = WorkflowEngine.Start(def, new SubjectKey("district:utco"), Coordinator, T0).Instance;
        var done = WorkflowEngine.CompleteStep(def, i, new StepId("c"), Alderman, null, T0).Ok();
        Assert.Equal("{}", done.Step(new StepId("c")).Evidence!.ToJsonString());
        var e = WorkflowEngine.CompleteStep(def, i, new StepId("c"), Alderman, Json("""{"note": "x"}"""), T0).Fails(WorkflowErrorKind.InvalidEvidence);
        Assert.Contains("none", e.FieldErrors!["evidence.note"][0]);
    }

    [Fact]
    public void Council_resolution_needs_its_number_and_a_real_date()
    {
        var fields = Plan.FindStep(new StepId("council-resolution"))!.Evidence;
        var (ok, errors) = EvidenceValidator.Validate(fields, Json("""{"resolutionNumber": " 045-2005-MDU ", "resolutionDate": "2005-06-30"}"""));
        Assert.Empty(errors);
        Assert.Equal("""{"resolutionNumber":"045-2005-MDU","resolutionDate":"2005-06-30"}""", ok!.ToJsonString());

        (_, errors) = EvidenceValidator.Validate(fields, Json("""{"resolutionDate": "2005-06-31"}"""));
        Assert.Equal(["evidence.resolutionDate", "evidence.resolutionNumber"], errors.Keys.Order(StringComparer.Ordinal));
    }
}
