namespace Propilas.Host.Tests.Participation;

/// <summary>
/// Each stage gate's rules through the API: while a rule holds, approving the gate is 409 listing the rule id with its
/// message (and the process view shows it as a blocker); once the alderman records what is missing, the gate opens.
/// </summary>
[Collection(SeededHostCollection.Name)]
public sealed class GateConditionTests(SeededHost host)
{
    private static async Task<JsonElement> Refused(TestDistrict d, string stage, params string[] ruleIds)
    {
        var problem = await d.Mayor.ApproveGateAsync(d.Slug, stage).ExpectAsync(HttpStatusCode.Conflict);
        Assert.Equal("gate-conditions-unmet", problem.Str("reason"));
        Assert.Equal(ruleIds.Order(), problem.UnmetConditionIds().Order());
        var blockers = (await d.ProcessAsync()).Stage(stage).GetProperty("gate").GetProperty("blockers").EnumerateArray().Select(b => b.Str("conditionId"));
        Assert.Equal(ruleIds.Order(), blockers.Order());
        Assert.Equal("active", (await d.ProcessAsync()).Stage(stage).Str("status"));
        return problem;
    }

    private static string Message(JsonElement problem, string ruleId, string language = "es") =>
        problem.GetProperty("unmetConditions").EnumerateArray().Single(u => u.Str("conditionId") == ruleId).GetProperty("message").Str(language);

    [Fact]
    public async Task The_preparatory_gate_needs_health_education_local_authorities_and_a_water_board_invited()
    {
        var d = await TestDistrict.CreateAsync(host, TestDistrict.UniqueName("Pion"), recordGateFacts: false);
        await d.CompleteStageAsync("preparatory");

        var problem = await Refused(d, "preparatory", "invitation.sector-missing");
        Assert.Contains("salud, educación, autoridades locales, al menos una JASS", Message(problem, "invitation.sector-missing"));
        Assert.Contains("health", Message(problem, "invitation.sector-missing", "en"));

        await GateFacts.InviteAsync(d.Alderman, d.Slug, "Puesto de Salud", "health");
        await GateFacts.InviteAsync(d.Alderman, d.Slug, "I.E. 10234", "education");
        await GateFacts.InviteAsync(d.Alderman, d.Slug, "Teniente gobernador", "local-authority");
        // A community organisation that is not a water board does not count.
        await GateFacts.InviteAsync(d.Alderman, d.Slug, "Rondas campesinas", "community-organisation", "peasant-patrol");
        problem = await Refused(d, "preparatory", "invitation.sector-missing");
        Assert.EndsWith("falta invitar a: al menos una JASS (junta de agua).", Message(problem, "invitation.sector-missing"));

        await GateFacts.InviteAsync(d.Alderman, d.Slug, "JASS Pion", "community-organisation", "water-board");
        var process = await d.Mayor.ApproveGateAsync(d.Slug, "preparatory").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("approved", process.Stage("preparatory").Str("status"));
    }

    [Fact]
    public async Task The_design_gate_needs_every_goal_with_a_numeric_target_and_every_activity_with_an_owner()
    {
        var d = await TestDistrict.CreateAsync(host, TestDistrict.UniqueName("Cutervo"), recordGateFacts: false);
        await GateFacts.RecordAsync(d.Alderman, d.Slug, "preparatory");
        await d.CompleteStageAsync("preparatory");
        await d.Mayor.ApproveGateAsync(d.Slug, "preparatory").ExpectAsync(HttpStatusCode.OK);
        await d.CompleteStageAsync("design");

        var goal = await GateFacts.AddGoalAsync(d.Alderman, d.Slug, "Todas las JASS capacitadas", null, "aom");
        var goalId = goal.GetProperty("id").GetInt32();
        var activity = await GateFacts.AddActivityAsync(d.Alderman, d.Slug, goalId, "Talleres de AOM", "  ");
        var problem = await Refused(d, "design", "plan.goal-without-target", "plan.activity-without-owner");
        Assert.Contains("Todas las JASS capacitadas", Message(problem, "plan.goal-without-target"));
        Assert.Contains("Talleres de AOM", Message(problem, "plan.activity-without-owner"));

        await d.Alderman.PutAsJsonAsync($"{GateFacts.Url(d.Slug, "plan/goals")}/{goalId}",
            new { keyIssue = "aom", text = "Todas las JASS capacitadas", targetValue = 46, targetUnit = "JASS", targetYear = 2030 }).ExpectAsync(HttpStatusCode.OK);
        await Refused(d, "design", "plan.activity-without-owner");

        await d.Alderman.PutAsJsonAsync($"{GateFacts.Url(d.Slug, "plan/activities")}/{activity.GetProperty("id").GetInt32()}",
            new { goalId, text = "Talleres de AOM", owner = "CARE Perú", year = 2027 }).ExpectAsync(HttpStatusCode.OK);
        var process = await d.Mayor.ApproveGateAsync(d.Slug, "design").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("approved", process.Stage("design").Str("status"));
    }

    [Fact]
    public async Task The_institutional_gate_needs_a_municipal_share_of_ten_percent_for_five_years_and_a_committee_with_health_education_and_a_water_board()
    {
        var d = await TestDistrict.CreateAsync(host, TestDistrict.UniqueName("Santa Cruz"), recordGateFacts: false);
        foreach (var stage in new[] { "preparatory", "design" })
        {
            await GateFacts.RecordAsync(d.Alderman, d.Slug, stage);
            await d.CompleteStageAsync(stage);
            await d.Mayor.ApproveGateAsync(d.Slug, stage).ExpectAsync(HttpStatusCode.OK);
        }
        await d.CompleteStageAsync("institutional");

        // Nothing recorded: no investment plan years, no committee.
        var problem = await Refused(d, "institutional", "commitment.municipal-share-low", "committee.sector-missing");
        Assert.Contains("cubre 0 años", Message(problem, "commitment.municipal-share-low"));

        // S/ 1 000 000 a year for 2026-2030: 10 % is S/ 500 000 over five years. Four years of S/ 100 000 are not enough,
        // nor are five of S/ 99 999.
        await GateFacts.SetBudgetAsync(d.Alderman, d.Slug, 1_000_000m);
        var fourYears = await GateFacts.AddMunicipalCommitmentAsync(d.Alderman, d.Slug, 100_000m, 2026, 2029);
        await GateFacts.AddMemberAsync(d.Alderman, d.Slug, "Técnico sanitario", "health");
        await GateFacts.AddMemberAsync(d.Alderman, d.Slug, "Directora", "education");
        problem = await Refused(d, "institutional", "commitment.municipal-share-low", "committee.sector-missing");
        Assert.Contains("is 8.0% of", Message(problem, "commitment.municipal-share-low", "en"));
        Assert.EndsWith("aún no tiene miembros de: al menos una JASS (junta de agua).", Message(problem, "committee.sector-missing"));

        await d.Alderman.PostAsJsonAsync($"{GateFacts.Url(d.Slug, "commitments")}/{fourYears.GetProperty("id").GetInt32()}/cancel",
            new { reason = "Se amplía a cinco años." }).ExpectAsync(HttpStatusCode.OK);
        await GateFacts.AddMunicipalCommitmentAsync(d.Alderman, d.Slug, 99_999m);
        await GateFacts.AddMemberAsync(d.Alderman, d.Slug, "Presidente de la JASS", "community-organisation", "water-board");
        await Refused(d, "institutional", "commitment.municipal-share-low");

        await GateFacts.AddMunicipalCommitmentAsync(d.Alderman, d.Slug, 1m, 2030, 2030);
        await GateFacts.AddMunicipalCommitmentAsync(d.Alderman, d.Slug, 1m, 2026, 2029); // exactly S/ 500 000
        var process = await d.Mayor.ApproveGateAsync(d.Slug, "institutional").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("completed", process.Str("status"));
    }
}
