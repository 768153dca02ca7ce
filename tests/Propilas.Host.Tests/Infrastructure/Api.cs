namespace Propilas.Host.Tests.Infrastructure;

/// <summary>Small helpers over the HTTP API.</summary>
public static class Api
{
    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Asserts the status and returns the body as JSON (null when there is none).</summary>
    public static async Task<JsonElement> ExpectAsync(this Task<HttpResponseMessage> call, HttpStatusCode status)
    {
        using var response = await call;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status,
            $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery}: expected {(int)status} {status}, got {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public static string ProcessUrl(string slug) => $"/api/districts/{slug}/process";

    public static Task<HttpResponseMessage> CompleteAsync(this HttpClient client, string slug, string step, object? evidence, int? expectedVersion = null) =>
        client.PostAsJsonAsync($"{ProcessUrl(slug)}/steps/{step}/complete", new { evidence, expectedVersion });

    public static Task<HttpResponseMessage> ApproveGateAsync(this HttpClient client, string slug, string stage, int? expectedVersion = null) =>
        client.PostAsJsonAsync($"{ProcessUrl(slug)}/gates/{stage}/approve", new { expectedVersion });

    /// <summary>Imports a survey as a text/csv body.</summary>
    public static Task<HttpResponseMessage> ImportDiagnosisAsync(this HttpClient client, string slug, string csv, int? expectedVersion = null) =>
        client.PostAsync($"/api/districts/{slug}/diagnosis{(expectedVersion is { } v ? $"?expectedVersion={v}" : "")}",
            new StringContent(csv, System.Text.Encoding.UTF8, "text/csv"));

    /// <summary>Imports the sample survey unless the district already has a diagnosis.</summary>
    public static async Task EnsureDiagnosisAsync(this HttpClient coordinator, string slug)
    {
        using var existing = await coordinator.GetAsync($"/api/districts/{slug}/diagnosis");
        if (existing.StatusCode == HttpStatusCode.NotFound)
            await coordinator.ImportDiagnosisAsync(slug, Plan.SampleSurvey).ExpectAsync(HttpStatusCode.OK);
    }

    /// <summary>Saves <see cref="Plan.InvestmentInputs"/> unless the district already has investment-plan inputs.</summary>
    public static async Task EnsureInvestmentInputsAsync(this HttpClient coordinator, string slug)
    {
        using var existing = await coordinator.GetAsync($"/api/districts/{slug}/investment-plan");
        if (existing.StatusCode == HttpStatusCode.NotFound)
            await coordinator.PutAsJsonAsync($"/api/districts/{slug}/investment-plan/inputs", Plan.InvestmentInputs).ExpectAsync(HttpStatusCode.OK);
    }

    public static Task<JsonElement> ProcessAsync(this HttpClient client, string slug) =>
        client.GetAsync(ProcessUrl(slug)).ExpectAsync(HttpStatusCode.OK);

    public static async Task<IReadOnlyList<JsonElement>> HistoryAsync(this HttpClient client, string slug) =>
        (await client.GetAsync($"{ProcessUrl(slug)}/history").ExpectAsync(HttpStatusCode.OK)).EnumerateArray().ToList();

    public static JsonElement Stage(this JsonElement process, string stageId) =>
        process.GetProperty("stages").EnumerateArray().Single(s => s.GetProperty("id").GetString() == stageId);

    public static JsonElement Step(this JsonElement process, string stepId) =>
        process.GetProperty("stages").EnumerateArray().SelectMany(s => s.GetProperty("steps").EnumerateArray())
            .Single(s => s.GetProperty("id").GetString() == stepId);

    public static string Str(this JsonElement e, string property) => e.GetProperty(property).GetString()!;

    public static string? OptionalStr(this JsonElement e, string property) =>
        e.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public static int Version(this JsonElement process) => process.GetProperty("version").GetInt32();

    public static IReadOnlyList<string> UnmetConditionIds(this JsonElement problem) =>
        problem.GetProperty("unmetConditions").EnumerateArray().Select(u => u.Str("conditionId")).ToList();

    public static IReadOnlyList<string> ErrorKeys(this JsonElement problem) =>
        problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
}

/// <summary>A district registered through the API for one test, with its mayor and alderman signed in.</summary>
public sealed record TestDistrict(string Slug, string Name, HttpClient Coordinator, HttpClient Mayor, HttpClient Alderman, string MayorName, string AldermanName)
{
    public const string AccountPassword = "Clave-Segura-2026";
    private static int _counter;

    /// <summary>A district name no other test uses, e.g. "Prueba Sorochuco 7".</summary>
    public static string UniqueName(string name) => $"{name} {Interlocked.Increment(ref _counter)}";

    /// <param name="recordGateFacts">Records through the API what every gate's rules need (<see cref="GateFacts"/>), so only steps block the gates.</param>
    public static async Task<TestDistrict> CreateAsync(PropilasFactory host, string name, string province = "Celendín", bool recordGateFacts = true)
    {
        var coordinator = await host.LoginAsync("coordinator");
        var created = await coordinator.PostAsJsonAsync("/api/districts", new { name, province }).ExpectAsync(HttpStatusCode.Created);
        var slug = created.Str("slug");
        var mayorName = $"alcalde.{slug}";
        var aldermanName = $"regidor.{slug}";
        await coordinator.PostAsJsonAsync($"/api/districts/{slug}/accounts", new { userName = mayorName, role = "mayor", password = AccountPassword })
            .ExpectAsync(HttpStatusCode.Created);
        await coordinator.PostAsJsonAsync($"/api/districts/{slug}/accounts", new { userName = aldermanName, role = "alderman", password = AccountPassword })
            .ExpectAsync(HttpStatusCode.Created);
        var district = new TestDistrict(slug, name, coordinator,
            await host.LoginAsync(mayorName, AccountPassword), await host.LoginAsync(aldermanName, AccountPassword), mayorName, aldermanName);
        if (recordGateFacts) await GateFacts.RecordAllAsync(district.Alderman, slug);
        return district;
    }

    public HttpClient As(string role) => role switch
    {
        "coordinator" => Coordinator,
        "mayor" => Mayor,
        "alderman" => Alderman,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    public string UserOf(string role) => role switch
    {
        "coordinator" => "coordinator",
        "mayor" => MayorName,
        "alderman" => AldermanName,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    public Task<JsonElement> ProcessAsync() => Coordinator.ProcessAsync(Slug);

    /// <summary>
    /// Completes the given steps (of <see cref="Plan"/>) in order, each by its role, expecting success. The diagnosis and
    /// investment-plan steps have conditions on the district's data: the sample survey and <see cref="Plan.InvestmentInputs"/>
    /// are given to the district first when it has none.
    /// </summary>
    public async Task CompleteAsync(params string[] steps)
    {
        foreach (var id in steps)
        {
            var step = Plan.Steps.Single(s => s.Id == id);
            if (id == "diagnosis") await Coordinator.EnsureDiagnosisAsync(Slug);
            if (id == "investment-plan") await Coordinator.EnsureInvestmentInputsAsync(Slug);
            var evidence = id == "council-resolution" ? await ResolutionOfThePresentationDayAsync(step.Evidence) : step.Evidence;
            await As(step.Role).CompleteAsync(Slug, step.Id, evidence).ExpectAsync(HttpStatusCode.OK);
        }
    }

    /// <summary>
    /// The plan's council resolution dated the day the plan was presented (in Peru): a resolution may be dated neither before
    /// its step became ready nor after today, and the host's clock may be a test's.
    /// </summary>
    private async Task<JsonObject> ResolutionOfThePresentationDayAsync(JsonObject evidence) =>
        ResolutionOfThePresentationDay(evidence, await ProcessAsync());

    /// <inheritdoc cref="ResolutionOfThePresentationDayAsync"/>
    public static JsonObject ResolutionOfThePresentationDay(JsonObject evidence, JsonElement process)
    {
        var presented = process.Step("plan-presentation").GetProperty("outcome").GetProperty("at").GetDateTimeOffset();
        var day = presented.ToOffset(TimeSpan.FromHours(-5)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var dated = evidence.DeepClone().AsObject();
        dated["resolutionDate"] = day;
        dated["sessionDate"] = day;
        return dated;
    }

    /// <summary>Completes every step of a stage in plan order.</summary>
    public Task CompleteStageAsync(string stage) => CompleteAsync(Plan.Steps.Where(s => s.Stage == stage).Select(s => s.Id).ToArray());
}

/// <summary>
/// The PROPILAS process as a district works through it: every step of the definition, in an order its dependencies allow,
/// with the role that acts on it and valid evidence.
/// </summary>
public static class Plan
{
    public sealed record PlannedStep(string Stage, string Id, string Role, string Kind, JsonObject Evidence);

    public static readonly string[] Stages = ["preparatory", "design", "institutional"];

    public static readonly PlannedStep[] Steps =
    [
        new("preparatory", "methodology", "coordinator", "task",
            Obj(new { workshopsHeld = 3, workshopDates = new[] { "2026-01-12", "2026-01-20", "2026-02-02" }, municipalLeadershipAgreed = true })),
        new("preparatory", "induction", "coordinator", "task",
            Obj(new { meetingDates = new[] { "2026-02-09", "2026-02-16" }, mayorAttended = true, aldermenAttended = 4, officialsAttended = 3 })),
        new("preparatory", "mayor-support", "mayor", "approval",
            Obj(new { statementDate = "2026-02-18", statement = "La municipalidad lidera el proceso y convoca los talleres." })),
        new("preparatory", "diagnosis", "coordinator", "task",
            Obj(new { localitiesSurveyed = 17, familiesSurveyed = 980, surveyDates = new[] { "2026-02-23" } })),
        new("preparatory", "stakeholder-invitations", "alderman", "task",
            Obj(new { invitationsSent = 30, sectorsInvited = new[] { "salud", "educación", "organizaciones comunales" } })),
        new("design", "planning-workshop-1", "coordinator", "task",
            Obj(new
            {
                dates = new[] { "2026-03-10", "2026-03-11" }, attendeeCount = 48, organisations = new[] { "Municipalidad", "Puesto de salud", "JASS" },
                minutes = "Acta del primer taller", keyIssues = new[] { "Infraestructura", "Educación sanitaria" }, stakeholderRolesAgreed = true,
            })),
        new("design", "planning-workshop-2", "coordinator", "task",
            Obj(new
            {
                dates = new[] { "2026-04-14" }, attendeeCount = 51, organisations = new[] { "Municipalidad", "JASS", "Rondas campesinas" },
                minutes = "Acta del segundo taller", vision = "Al 2031, agua segura y saneamiento para todas las familias.",
                strategicGoals = new[] { "Cobertura de agua segura del 90 % al año 5" }, operatingPlanActivities = 18,
            })),
        // The figures of the plan computed from InvestmentInputs (San Juan's worked example).
        new("design", "investment-plan", "coordinator", "task", Obj(new { totalInvestment = 970095, municipalCommitment = 1622572 })),
        new("design", "plan-document", "coordinator", "task",
            Obj(new { title = "Plan Estratégico Distrital de Agua y Saneamiento 2026-2031", completedOn = "2026-05-20" })),
        new("institutional", "plan-presentation", "coordinator", "task", Obj(new { presentedOn = "2026-06-01", attendeeCount = 40 })),
        new("institutional", "support-committee", "alderman", "task",
            Obj(new { members = new[] { "Municipalidad: regidor de servicios sociales", "Puesto de salud: técnico sanitario" }, installedOn = "2026-06-10" })),
        new("institutional", "commitments", "alderman", "task", Obj(new { commitmentsRecorded = 7 })),
        new("institutional", "council-resolution", "mayor", "approval",
            Obj(new { resolutionNumber = "RC 012-2026-MD/CM", resolutionDate = "2026-07-03", sessionDate = "2026-07-01" })),
    ];

    /// <summary>San Juan's inputs of the worked example in investment-plan.md: its plan totals S/ 970,095.</summary>
    public static readonly object InvestmentInputs = new
    {
        totalBudget = 3618342, investmentBudget = 3245144, population = 6886, coveragePct = 68, rehabilitationPopulation = 2822,
    };

    /// <summary>The small valid survey shipped with the host (<c>Seed/data/diagnosis/sample.csv</c>, 5 localities).</summary>
    public static string SampleSurvey => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Seed", "data", "diagnosis", "sample.csv"));

    public static JsonObject Obj(object value) => JsonSerializer.SerializeToNode(value)!.AsObject();

    public static JsonObject EvidenceOf(string step) => Steps.Single(s => s.Id == step).Evidence;
}

public static class HostQueries
{
    /// <summary>A district's id, read from the database.</summary>
    public static Task<int> DistrictIdAsync(this PropilasFactory host, string slug) =>
        host.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.Districts.Where(d => d.Slug == Districts.DistrictSlug.From(slug)).Select(d => d.Id)));

    /// <summary>The stored version of a district's process, read from the database.</summary>
    public static Task<int> ProcessVersionAsync(this PropilasFactory host, string slug) =>
        host.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.WorkflowInstances.Where(i => i.Subject == $"district:{slug}").Select(i => i.Version)));
}
