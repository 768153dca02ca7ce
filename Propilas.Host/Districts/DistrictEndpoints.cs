using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Propilas.Host.Accounts;
using Propilas.Host.Alerts;
using Propilas.Host.Common;
using Propilas.Host.Database;
using Propilas.Host.Process;
using Propilas.Workflows.Runtime;

namespace Propilas.Host.Districts;

public static class DistrictEndpoints
{
    public static void MapDistricts(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/districts").RequireAuthorization().WithTags("Districts");
        group.MapGet("", List).WithSummary("The districts the caller may see, with the stage each is in.");
        group.MapGet("/{slug}", Get).WithSummary("One district with its baseline diagnosis.");
        group.MapPost("", Create).RequireAuthorization(p => p.RequireRole(Roles.Coordinator))
            .WithSummary("Registers a new pilot district and starts its planning process (coordinator).");
        group.MapPost("/{slug}/accounts", CreateAccount).RequireAuthorization(p => p.RequireRole(Roles.Coordinator))
            .WithSummary("Creates the account of a district's mayor, alderman, technical area (atm) or health post (coordinator).");
    }

    public sealed record DistrictSummary(
        DistrictSlug Slug, string Name, string Province, string Department, string ProcessStatus, string? ActiveStage,
        int? ProcessVersion, DateTimeOffset? ProcessUpdatedAt);

    private static async Task<IResult> List(HttpContext http, PropilasDb db, ProcessSettings settings, CancellationToken ct)
    {
        var user = http.User;
        var query = db.Districts.AsNoTracking();
        if (!user.IsCoordinator())
        {
            var home = user.HomeDistrict();
            query = query.Where(d => home != null && d.Slug == home.Value);
        }
        var districts = await query.OrderBy(d => d.Name).ToListAsync(ct);
        var subjects = districts.Select(d => d.Slug.Subject.Value).ToList();
        var processes = await db.WorkflowInstances.AsNoTracking()
            .Where(i => i.DefinitionId == settings.DefinitionId.Value && subjects.Contains(i.Subject))
            .Select(i => new { i.Subject, i.Status, i.ActiveStage, i.Version, i.UpdatedAt })
            .ToDictionaryAsync(i => i.Subject, ct);
        return TypedResults.Ok(districts.Select(d =>
        {
            var p = processes.GetValueOrDefault(d.Slug.Subject.Value);
            return new DistrictSummary(d.Slug, d.Name, d.Province, d.Department,
                p is null ? "not-started" : p.Status == "completed" ? "follow-up" : "planning", p?.ActiveStage, p?.Version, p?.UpdatedAt);
        }).ToList());
    }

    private static async Task<IResult> Get(string slug, HttpContext http, PropilasDb db, CancellationToken ct)
    {
        if (!DistrictSlug.TryParse(slug, out var s)) return Problems.NotFound($"No district '{slug}'.");
        var district = await db.Districts.AsNoTracking().FirstOrDefaultAsync(d => d.Slug == s, ct);
        if (district is null) return Problems.NotFound($"No district '{slug}'.");
        if (!http.User.CanAccess(s)) return Problems.Forbidden($"You may not see district '{slug}'.");
        return TypedResults.Ok(district);
    }

    private static async Task<IResult> Create(NewDistrict request, HttpContext http, DistrictRegistration registration, CancellationToken ct)
    {
        var result = await registration.RegisterAsync(request, http.User.ToActor(), ct);
        if (result.Duplicate) return Problems.Conflict(result.Errors.Values.First()[0], "duplicate");
        if (result.District is null) return Problems.Invalid(result.Errors, "The district could not be registered.");
        return TypedResults.Created($"/api/districts/{result.District.Slug}", result.District);
    }

    public sealed record NewAccount(string? UserName, string? Role, string? Password);

    private static async Task<IResult> CreateAccount(string slug, NewAccount request, HttpContext http, PropilasDb db, UserManager<AppUser> users,
        TimeProvider time, CancellationToken ct)
    {
        if (!DistrictSlug.TryParse(slug, out var s) || await db.Districts.AsNoTracking().FirstOrDefaultAsync(d => d.Slug == s, ct) is not { } district)
            return Problems.NotFound($"No district '{slug}'.");
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.UserName)) errors["userName"] = ["is required"];
        if (request.Role is null || !Roles.OfADistrict.Contains(request.Role))
            errors["role"] = [$"must be one of {string.Join(", ", Roles.OfADistrict.Select(r => $"'{r}'"))}"];
        if (string.IsNullOrEmpty(request.Password)) errors["password"] = ["is required"];
        if (errors.Count > 0) return Problems.Invalid(errors, "The account could not be created.");
        if (await users.FindByNameAsync(request.UserName!) is not null)
            return Problems.Conflict($"The user name '{request.UserName}' is taken.", "duplicate");

        var user = new AppUser { UserName = request.UserName!.Trim(), DistrictId = district.Id, EmailConfirmed = true };
        await using var transaction = await db.Database.BeginWriteAsync(ct);
        var created = await users.CreateAsync(user, request.Password!);
        if (!created.Succeeded)
        {
            // The same user name created at once by another request: a conflict, as when it was taken earlier.
            if (created.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.DuplicateUserName)))
                return Problems.Conflict($"The user name '{request.UserName}' is taken.", "duplicate");
            return Problems.Invalid(created.Errors
                    .GroupBy(e => e.Code.StartsWith("Password", StringComparison.Ordinal) ? "password" : "userName")
                    .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray()),
                "The account could not be created.");
        }
        await users.AddToRoleAsync(user, request.Role!);
        db.AuditEvents.Add(new AuditEvent
        {
            Subject = s.Subject.Value, Action = "account.created", Target = user.UserName, By = http.User.Identity!.Name!,
            Role = Roles.Coordinator, At = time.GetUtcNow(), After = request.Role,
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return TypedResults.Created($"/api/districts/{slug}", new { userName = user.UserName, role = request.Role, district = district.Slug });
    }
}
