using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Propilas.Host.Accounts;
using Propilas.Host.Alerts;
using Propilas.Host.Common;
using Propilas.Host.Database;
using Propilas.Host.Districts;
using Propilas.Host.Planning;
using Propilas.Host.Process;
using Propilas.Workflows;
using Propilas.Workflows.Runtime;

namespace Propilas.Host.Projects;

/// <summary>
/// Instances of any definition other than the planning process, per district: start them, list them, and act on them
/// with the same step, gate and history routes as the process (<see cref="ProcessEndpoints.MapInstanceRoutes"/>).
/// </summary>
public static class ProjectEndpoints
{
    public static void MapProjects(this IEndpointRouteBuilder app)
    {
        var group = app.MapDistrictGroup("/projects", "projects").WithTags("Projects");
        group.MapGet("", List).WithSummary("The district's projects with their definition and state.");
        group.MapPost("", Start).ProducesProblem(StatusCodes.Status409Conflict).WithSummary("Starts a project: an instance of a definition other than the planning process, e.g. community-water-project.");
        group.MapGroup("/{projectId}").MapInstanceRoutes(Route, "a project");
    }

    public sealed record NewProject(string? DefinitionId, string? Name);

    public sealed record ProjectSummary(
        int Id, string Name, string DefinitionId, int DefinitionVersion, string Subject, string Status, string? ActiveStage, int Version,
        DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset UpdatedAt);

    /// <summary>The project named by the route's <c>projectId</c> (its number in the district).</summary>
    private static InstanceRoute Route(HttpContext http, ProcessContext context)
    {
        var id = http.GetRouteValue("projectId")?.ToString();
        var runtime = http.RequestServices.GetRequiredService<WorkflowRuntime>();
        var db = http.RequestServices.GetRequiredService<PropilasDb>();
        return new InstanceRoute($"project {id}", async (districtId, _, ct) =>
        {
            if (!int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number)) return null;
            var project = await db.Set<Project>().AsNoTracking().FirstOrDefaultAsync(p => p.DistrictId == districtId && p.Number == number, ct);
            return project is null ? null : await runtime.FindAsync(new DefinitionId(project.DefinitionId), new SubjectKey(project.Subject), ct);
        });
    }

    private static async Task<Ok<List<ProjectSummary>>> List(string slug, HttpContext http, PropilasDb db, CancellationToken ct)
    {
        var district = http.District();
        var projects = await db.Set<Project>().AsNoTracking().Where(p => p.DistrictId == district.Id).OrderBy(p => p.Number).ToListAsync(ct);
        var subjects = projects.Select(p => p.Subject).ToList();
        var instances = await db.WorkflowInstances.AsNoTracking().Where(i => subjects.Contains(i.Subject)).ToDictionaryAsync(i => i.Subject, ct);
        return TypedResults.Ok(projects.Select(p => Summary(p, instances[p.Subject])).ToList());
    }

    private static async Task<Results<Created<ProjectSummary>, ProblemHttpResult, ValidationProblem>> Start(string slug, NewProject request, HttpContext http, PropilasDb db, WorkflowRuntime runtime,
        ProcessSettings settings, DistrictChanges changes, TimeProvider time, CancellationToken ct)
    {
        var district = http.District();
        var checks = new Checks();
        var projectDefinitions = runtime.Catalog.All.Select(d => d.Id).Where(id => id != settings.DefinitionId).Distinct().Select(id => id.Value).Order().ToList();
        if (string.IsNullOrWhiteSpace(request.DefinitionId)) checks.Add("definitionId", "is required");
        else if (!projectDefinitions.Contains(request.DefinitionId))
            checks.Add("definitionId", $"must be one of: {string.Join(", ", projectDefinitions)} (the planning process is started with the district)");
        checks.Text("name", request.Name, Bounds.Title);
        if (!checks.Ok) return Problems.Invalid(checks.Errors, "The project could not be started.");

        var actor = http.User.ToActor();
        await using var transaction = await db.Database.BeginWriteAsync(ct);
        var number = (await db.Set<Project>().Where(p => p.DistrictId == district.Id).MaxAsync(p => (int?)p.Number, ct) ?? 0) + 1;
        var project = new Project
        {
            DistrictId = district.Id, Number = number, Name = request.Name!.Trim(), DefinitionId = request.DefinitionId!,
            Subject = Project.SubjectOf(district.Slug, number), CreatedAt = time.GetUtcNow(), CreatedBy = actor.UserName,
        };
        db.Add(project);
        db.AuditEvents.Add(new AuditEvent
        {
            Subject = district.Slug.Subject.Value, Action = "project.started", Target = project.Subject, By = actor.UserName,
            Role = actor.Roles.FirstOrDefault() ?? "", At = project.CreatedAt, After = $"{project.DefinitionId}: {project.Name}",
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsConflict()) // another project of the district took the number first
        {
            return Problems.Conflict($"Another project was started in district '{slug}' at the same moment; try again.", "stale");
        }
        var instance = await runtime.StartAsync(new DefinitionId(project.DefinitionId), new SubjectKey(project.Subject), actor, ct);
        await transaction.CommitAsync(ct);
        await changes.AfterChangeAsync(district.Id, DistrictArea.Projects, ct);
        return TypedResults.Created($"/api/districts/{slug}/projects/{number}", Summary(project, InstanceMapping.ToRecord(instance)));
    }

    private static ProjectSummary Summary(Project p, WorkflowInstanceRecord i) =>
        new(p.Number, p.Name, p.DefinitionId, i.DefinitionVersion, p.Subject, i.Status, i.ActiveStage, i.Version, p.CreatedAt, p.CreatedBy, i.UpdatedAt);

}
