using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Propilas.Host.Accounts;
using Propilas.Host.Common;
using Propilas.Host.Database;
using Propilas.Host.Districts;

namespace Propilas.Host.Alerts;

public static class AlertEndpoints
{
    public static void MapAlerts(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/alerts").RequireAuthorization().WithTags("Alerts");
        group.MapGet("", List).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).WithSummary("Alerts the caller may see; filter by district, rule, status, or mine=true for those addressed to the caller's role.");
        group.MapPost("/{id:long}/acknowledge", Acknowledge).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).WithSummary("Acknowledges an alert; it stays until its condition clears.");
    }

    public sealed record AlertView(
        long Id, DistrictSlug District, string RuleId, string Subject, string Severity, IReadOnlyList<string> Notifies, bool Escalated,
        string Status, Propilas.Workflows.LocalizedText Message, DateTimeOffset RaisedAt, DateTimeOffset? EscalatedAt,
        DateTimeOffset? AcknowledgedAt, string? AcknowledgedBy, DateTimeOffset? ResolvedAt, int Version);

    private static async Task<Results<Ok<List<AlertView>>, ProblemHttpResult, ValidationProblem>> List(HttpContext http, PropilasDb db, string? district, string? rule, string? status, bool? mine,
        CancellationToken ct)
    {
        var user = http.User;
        var query = from a in db.Alerts.AsNoTracking() join d in db.Districts.AsNoTracking() on a.DistrictId equals d.Id select new { a, d.Slug };
        if (district is not null)
        {
            if (!DistrictSlug.TryParse(district, out var slug)) return Problems.NotFound($"No district '{district}'.");
            if (!user.CanAccess(slug)) return Problems.Forbidden($"You may not see the alerts of district '{district}'.");
            query = query.Where(x => x.Slug == slug);
        }
        else if (!user.IsCoordinator())
        {
            if (user.HomeDistrict() is not { } home) return TypedResults.Ok(new List<AlertView>());
            query = query.Where(x => x.Slug == home);
        }
        if (rule is not null) query = query.Where(x => x.a.RuleId == rule);
        if (status is not null)
        {
            if (!Enum.TryParse<AlertStatus>(status, ignoreCase: true, out var s))
                return Problems.Invalid(new Dictionary<string, string[]> { ["status"] = ["must be open, acknowledged or resolved"] }, "Unknown status.");
            query = query.Where(x => x.a.Status == s);
        }
        else query = query.Where(x => x.a.Status != AlertStatus.Resolved);

        var rows = await query.OrderByDescending(x => x.a.Id).Take(2000).ToListAsync(ct);
        var roles = user.ToActor().Roles;
        return TypedResults.Ok(rows
            .Where(x => mine != true || x.a.NotifiedRoles.Any(roles.Contains))
            .Select(x => ToView(x.a, x.Slug)).ToList());
    }

    public sealed record AcknowledgeRequest(int? ExpectedVersion);

    private static async Task<Results<Ok<AlertView>, ProblemHttpResult>> Acknowledge(long id, AcknowledgeRequest? request, HttpContext http, AlertAcknowledgement acknowledgement,
        CancellationToken ct)
    {
        var result = await acknowledgement.AcknowledgeAsync(id, http.User, request?.ExpectedVersion, ct);
        return result.Outcome switch
        {
            AcknowledgementOutcome.Acknowledged => TypedResults.Ok(ToView(result.Alert!, result.District!.Value)),
            AcknowledgementOutcome.NotFound => Problems.NotFound(result.Detail),
            AcknowledgementOutcome.Forbidden => Problems.Forbidden(result.Detail),
            AcknowledgementOutcome.Stale => Problems.Conflict(result.Detail, "stale"),
            _ => Problems.Conflict(result.Detail, "not-open"),
        };
    }

    public static AlertView ToView(Alert a, DistrictSlug district) => new(a.Id, district, a.RuleId, a.Subject, a.Severity, a.NotifiedRoles,
        a.Escalated, a.Status.ToString().ToLowerInvariant(), new(a.MessageEs, a.MessageEn), a.RaisedAt, a.EscalatedAt, a.AcknowledgedAt,
        a.AcknowledgedBy, a.ResolvedAt, a.Version);
}
