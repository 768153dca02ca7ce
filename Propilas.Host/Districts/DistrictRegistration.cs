using Microsoft.EntityFrameworkCore;
using Propilas.Host.Accounts;
using Propilas.Host.Alerts;
using Propilas.Host.Common;
using Propilas.Host.Database;
using Propilas.Host.Process;
using Propilas.Workflows;
using Propilas.Workflows.Runtime;

namespace Propilas.Host.Districts;

public sealed record NewDistrict(string? Name, string? Province, string? Department, string? Slug);

/// <summary>Registers a pilot district and starts its planning process, for the API and the coordinator's page alike.</summary>
public sealed class DistrictRegistration(PropilasDb db, WorkflowRuntime runtime, ProcessSettings settings, DistrictChanges changes, TimeProvider time)
{
    public sealed record Result(District? District, Dictionary<string, string[]> Errors, bool Duplicate);

    public async Task<Result> RegisterAsync(NewDistrict request, Actor actor, CancellationToken ct)
    {
        var checks = new Checks();
        var name = checks.Text("name", request.Name, Bounds.Name);
        checks.Text("province", request.Province, Bounds.Name);
        checks.Text("department", request.Department, Bounds.Name, required: false);
        var given = checks.Text("slug", request.Slug, Bounds.Name, required: false);
        if (!checks.Ok) return new Result(null, checks.Errors, false);
        DistrictSlug slug = default;
        if (given is not null)
        {
            if (!DistrictSlug.TryParse(given, out slug)) checks.Add("slug", "must be lower-case letters, digits and single hyphens");
        }
        else
        {
            try { slug = DistrictSlug.FromName(name!); }
            catch (FormatException) { checks.Add("name", "must contain letters or digits"); }
        }
        if (!checks.Ok) return new Result(null, checks.Errors, false);

        // Checked inside the write transaction, so two registrations of one slug at once cannot both pass the check.
        await using var transaction = await db.Database.BeginWriteAsync(ct);
        var exists = new Result(null, new Dictionary<string, string[]> { [request.Slug is { Length: > 0 } ? "slug" : "name"] = [$"a district '{slug}' already exists"] }, true);
        if (await db.Districts.AnyAsync(d => d.Slug == slug, ct)) return exists;

        var district = new District
        {
            Slug = slug, Name = request.Name!.Trim(), Province = request.Province!.Trim(),
            Department = string.IsNullOrWhiteSpace(request.Department) ? "Cajamarca" : request.Department.Trim(),
            CreatedAt = time.GetUtcNow(),
        };
        db.Districts.Add(district);
        db.AuditEvents.Add(new AuditEvent
        {
            Subject = slug.Subject.Value, Action = "district.registered", Target = slug.Value, By = actor.UserName,
            Role = Roles.Coordinator, At = district.CreatedAt, After = district.Name,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        // On PostgreSQL a registration at the same moment is met at the unique index (SQLite's writers take turns).
        catch (DbUpdateException e) when (e.IsConflict())
        {
            db.ChangeTracker.Clear();
            return exists;
        }
        await runtime.StartAsync(settings.DefinitionId, slug.Subject, actor, ct);
        await transaction.CommitAsync(ct);
        await changes.AfterChangeAsync(district.Id, ct);
        return new Result(district, checks.Errors, false);
    }
}
