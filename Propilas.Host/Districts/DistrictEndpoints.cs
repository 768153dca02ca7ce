using Microsoft.AspNetCore.Http.HttpResults;
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
        group.MapPost("", Create).RequireAuthorization(p => p.RequireRole(Roles.Coordinator)).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Registers a new pilot district and starts its planning process (coordinator).");
        var one = app.MapDistrictGroup("", "record").WithTags("Districts");
        one.MapGet("", Get).WithSummary("One district with its baseline diagnosis.");
        one.MapPost("/accounts", CreateAccount).ProducesProblem(StatusCodes.Status409Conflict).RequireAuthorization(p => p.RequireRole(Roles.Coordinator))
            .WithSummary("Creates the account of a district's mayor, alderman, technical area (atm) or health post (coordinator).");
        var accounts = one.MapGroup("/accounts").RequireAuthorization(p => p.RequireRole(Roles.Coordinator));
        accounts.MapGet("", ListAccounts).WithSummary("The district's accounts, each with its person's details and whether it is disabled (coordinator).");
        accounts.MapPost("/{userName}/disable", (string slug, string userName, HttpContext http, DistrictAccounts a, CancellationToken ct) =>
                ChangeAccount(a.SetDisabledAsync(slug, userName, true, http.User.Identity!.Name!, ct), slug, userName))
            .WithSummary("Disables an account: it cannot sign in, its sessions and tokens stop working, it is sent no messages (coordinator).");
        accounts.MapPost("/{userName}/enable", (string slug, string userName, HttpContext http, DistrictAccounts a, CancellationToken ct) =>
                ChangeAccount(a.SetDisabledAsync(slug, userName, false, http.User.Identity!.Name!, ct), slug, userName))
            .WithSummary("Enables a disabled account again (coordinator).");
        accounts.MapPost("/{userName}/password", (string slug, string userName, PasswordReset request, HttpContext http, DistrictAccounts a, CancellationToken ct) =>
                ChangeAccount(a.ResetPasswordAsync(slug, userName, request.Password, http.User.Identity!.Name!, ct), slug, userName))
            .WithSummary("Sets a new password on an account (password); its sessions and tokens stop working (coordinator).");
    }

    public sealed record DistrictSummary(
        DistrictSlug Slug, string Name, string Province, string Department, string ProcessStatus, string? ActiveStage,
        int? ProcessVersion, DateTimeOffset? ProcessUpdatedAt);

    private static async Task<Ok<List<DistrictSummary>>> List(HttpContext http, PropilasDb db, ProcessSettings settings, CancellationToken ct)
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

    private static async Task<Ok<District>> Get(string slug, HttpContext http, PropilasDb db, CancellationToken ct) =>
        TypedResults.Ok(await db.RecordOfAsync(http.District(), ct));

    private static async Task<Results<Created<District>, ProblemHttpResult, ValidationProblem>> Create(NewDistrict request, HttpContext http, DistrictRegistration registration, CancellationToken ct)
    {
        var result = await registration.RegisterAsync(request, http.User.ToActor(), ct);
        if (result.Duplicate) return Problems.Conflict(result.Errors.Values.First()[0], "duplicate");
        if (result.District is null) return Problems.Invalid(result.Errors, "The district could not be registered.");
        return TypedResults.Created($"/api/districts/{result.District.Slug}", result.District);
    }

    public sealed record PasswordReset(string? Password);

    private static async Task<Results<Ok<List<DistrictAccount>>, ProblemHttpResult>> ListAccounts(string slug, DistrictAccounts accounts, CancellationToken ct) =>
        await accounts.ListAsync(slug, ct) is { } list ? TypedResults.Ok(list.ToList()) : Problems.NotFound($"No district '{slug}'.");

    private static async Task<Results<Ok<DistrictAccount>, ProblemHttpResult, ValidationProblem>> ChangeAccount(
        Task<DistrictAccounts.Change> changing, string slug, string userName)
    {
        var change = await changing;
        if (change.NotFound) return Problems.NotFound($"No account '{userName}' in the district '{slug}'.");
        if (change.Account is not { } account)
            return Problems.Invalid(change.Errors.ToDictionary(e => e.Key, e => e.Value.Select(t => t.En).ToArray()), "The account was not changed.");
        return TypedResults.Ok(account);
    }

    /// <summary>The account created (its password is never shown again).</summary>
    public sealed record AccountView(string UserName, string Role, string District);

    private static async Task<Results<Created<AccountView>, ProblemHttpResult, ValidationProblem>> CreateAccount(string slug, NewAccount request, HttpContext http, DistrictAccounts accounts, CancellationToken ct)
    {
        var result = await accounts.CreateAsync(slug, request, http.User.Identity!.Name!, ct);
        if (result.NoDistrict) return Problems.NotFound($"No district '{slug}'.");
        if (result.Duplicate) return Problems.Conflict(result.Errors["userName"][0].En, "duplicate");
        if (result.Created is not { } user)
            return Problems.Invalid(result.Errors.ToDictionary(e => e.Key, e => e.Value.Select(t => t.En).ToArray()), "The account could not be created.");
        return TypedResults.Created($"/api/districts/{slug}", new AccountView(user.UserName!, request.Role!, slug));
    }
}
