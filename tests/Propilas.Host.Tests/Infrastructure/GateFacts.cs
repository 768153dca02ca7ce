namespace Propilas.Host.Tests.Infrastructure;

/// <summary>
/// What the stage gates' rules need, recorded through the API by the district's alderman: invitations to health, education,
/// local authorities and a water board (preparatory); a goal with a numeric target and an activity with an owner (design);
/// the investment budget, a municipal commitment of 10 % of it for five years and a committee with health, education and
/// a water board (institutional).
/// </summary>
public static class GateFacts
{
    public static string Url(string slug, string what) => $"/api/districts/{slug}/{what}";

    /// <returns>The audit (action, target) pairs the recording caused, in order.</returns>
    public static async Task<IReadOnlyList<(string Action, string Target)>> RecordAsync(HttpClient alderman, string slug, string stage)
    {
        var audit = new List<(string, string)>();
        switch (stage)
        {
            case "preparatory":
                // Invited the day the process started, by the host's clock: not in the future, nor long enough ago to raise invitation.unanswered.
                var started = (await alderman.ProcessAsync(slug)).Stage("preparatory").GetProperty("startedAt").GetDateTimeOffset();
                var invitedOn = started.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                foreach (var (organisation, sector, kind) in new[]
                         {
                             ("Puesto de Salud de prueba", "health", (string?)null), ("Institución Educativa de prueba", "education", null),
                             ("Gobernación de prueba", "local-authority", null), ("JASS de prueba", "community-organisation", "water-board"),
                         })
                {
                    var invitation = await InviteAsync(alderman, slug, organisation, sector, kind, invitedOn);
                    await alderman.PostAsJsonAsync($"{Url(slug, "invitations")}/{invitation.GetProperty("id").GetInt32()}/answer", new { answer = "accepted" })
                        .ExpectAsync(HttpStatusCode.OK);
                    audit.Add(("invitation.recorded", organisation));
                    audit.Add(("invitation.answered", organisation));
                }
                break;
            case "design":
                var goal = await AddGoalAsync(alderman, slug, "Cobertura de agua segura", 90m);
                await AddActivityAsync(alderman, slug, goal.GetProperty("id").GetInt32(), "Capacitar a las JASS en AOM", "Área técnica municipal");
                audit.Add(("plan.goal-added", "Cobertura de agua segura"));
                audit.Add(("plan.activity-added", "Capacitar a las JASS en AOM"));
                break;
            case "institutional":
                await SetBudgetAsync(alderman, slug, 1_000_000m);
                await AddMunicipalCommitmentAsync(alderman, slug, 100_000m);
                audit.Add(("investment-budget.recorded", slug));
                audit.Add(("commitment.recorded", "Municipalidad: Inversión anual en agua y saneamiento"));
                foreach (var (name, sector, kind) in new[]
                         {
                             ("Técnico sanitario", "health", (string?)null), ("Directora de la escuela", "education", null),
                             ("Presidente de la JASS", "community-organisation", "water-board"),
                         })
                {
                    await AddMemberAsync(alderman, slug, name, sector, kind);
                    audit.Add(("committee.member-added", $"{name} (Organización de prueba)"));
                }
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(stage), stage, null);
        }
        return audit;
    }

    public static async Task RecordAllAsync(HttpClient alderman, string slug)
    {
        foreach (var stage in Plan.Stages) await RecordAsync(alderman, slug, stage);
    }

    public static Task<JsonElement> InviteAsync(HttpClient client, string slug, string organisation, string sector, string? kind = null,
        string invitedOn = "2026-01-15", string @event = "planning-workshop-1") =>
        client.PostAsJsonAsync(Url(slug, "invitations"),
                new { organisation, sector, communityOrganisationKind = kind, @event, invitedOn, contact = "Jefe(a)" })
            .ExpectAsync(HttpStatusCode.Created);

    public static Task<JsonElement> AddGoalAsync(HttpClient client, string slug, string text, decimal? target, string keyIssue = "infrastructure") =>
        client.PostAsJsonAsync(Url(slug, "plan/goals"), target is null
                ? new { keyIssue, text, targetValue = (decimal?)null, targetUnit = (string?)null, targetYear = (int?)null }
                : new { keyIssue, text, targetValue = target, targetUnit = (string?)"% de familias", targetYear = (int?)2031 })
            .ExpectAsync(HttpStatusCode.Created);

    public static Task<JsonElement> AddActivityAsync(HttpClient client, string slug, int goalId, string text, string? owner, int year = 2027) =>
        client.PostAsJsonAsync(Url(slug, "plan/activities"), new { goalId, text, owner, year }).ExpectAsync(HttpStatusCode.Created);

    public static Task<JsonElement> SetBudgetAsync(HttpClient client, string slug, decimal investmentBudget) =>
        client.PutAsJsonAsync(Url(slug, "investment-budget"), new
        {
            baseYear = 2025, totalBudget = investmentBudget * 2, investmentBudget, population = 6000, coveragePct = 60, rehabilitationPopulation = 1500,
        }).ExpectAsync(HttpStatusCode.OK);

    public static Task<JsonElement> AddMunicipalCommitmentAsync(HttpClient client, string slug, decimal amountPerYear, int firstYear = 2026, int lastYear = 2030) =>
        client.PostAsJsonAsync(Url(slug, "commitments"), new
        {
            party = "Municipalidad", isMunicipality = true, what = "Inversión anual en agua y saneamiento", amount = amountPerYear, firstYear, lastYear,
            dueOn = "2031-12-31",
        }).ExpectAsync(HttpStatusCode.Created);

    public static Task<JsonElement> AddMemberAsync(HttpClient client, string slug, string name, string sector, string? kind = null) =>
        client.PostAsJsonAsync(Url(slug, "committee"),
            new { name, organisation = "Organización de prueba", sector, communityOrganisationKind = kind, role = "vocal" }).ExpectAsync(HttpStatusCode.Created);
}

public static class HostClock
{
    /// <summary>The host's date (UTC), as the rules count days.</summary>
    public static DateOnly Today(this PropilasFactory host) => DateOnly.FromDateTime((host.Time?.GetUtcNow() ?? DateTimeOffset.UtcNow).UtcDateTime);
}
