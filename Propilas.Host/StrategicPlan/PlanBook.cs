using Propilas.Host.Common;
using Propilas.Host.Alerts;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Propilas.Host.Participation;
using Propilas.Workflows;

namespace Propilas.Host.StrategicPlan;

/// <summary>Reads and changes a district's strategic goals and operating-plan activities, for the API and the pages alike.</summary>
public sealed class PlanBook(ParticipationContext context)
{
    private const string What = "strategic plan";

    public async Task<Outcome<IReadOnlyList<GoalView>>> GoalsAsync(ClaimsPrincipal user, string slug, CancellationToken ct)
    {
        var district = await context.OpenAsync(user, slug, write: false, What, ct);
        if (district.Failure is { } f) return f;
        var rows = await context.Db.Set<PlanGoal>().AsNoTracking().Where(g => g.DistrictId == district.Value!.Id).OrderBy(g => g.Id).ToListAsync(ct);
        return rows.Select(GoalView.Of).ToList();
    }

    public async Task<Outcome<IReadOnlyList<ActivityView>>> ActivitiesAsync(ClaimsPrincipal user, string slug, CancellationToken ct)
    {
        var district = await context.OpenAsync(user, slug, write: false, What, ct);
        if (district.Failure is { } f) return f;
        var rows = await context.Db.Set<PlanActivity>().AsNoTracking().Where(a => a.DistrictId == district.Value!.Id)
            .OrderBy(a => a.Year).ThenBy(a => a.Id).ToListAsync(ct);
        return rows.Select(ActivityView.Of).ToList();
    }

    /// <summary>Adds a goal (<paramref name="id"/> null) or changes one.</summary>
    public async Task<Outcome<GoalView>> SaveGoalAsync(ClaimsPrincipal user, string slug, int? id, GoalRequest request, CancellationToken ct)
    {
        var opened = await context.OpenAsync(user, slug, write: true, What, ct);
        if (opened.Failure is { } f) return f;
        var district = opened.Value!;
        var goal = id is null ? null : await context.Db.Set<PlanGoal>().FirstOrDefaultAsync(g => g.Id == id && g.DistrictId == district.Id, ct);
        if (id is not null && goal is null) return Failure.NotFound($"No strategic goal {id} in district '{slug}'.");
        var checks = new Checks();
        var issue = checks.Choice<KeyIssue>("keyIssue", request.KeyIssue);
        var text = checks.Text("text", request.Text, Bounds.Line, multiLine: true);
        var unit = checks.Text("targetUnit", request.TargetUnit, Bounds.Word, required: request.TargetValue is not null);
        var year = checks.Year("targetYear", request.TargetYear, required: request.TargetValue is not null);
        if (request.TargetValue is null && (unit is not null || year is not null))
            checks.Add("targetValue", "is required when a target unit or year is given");
        if (request.TargetValue < 0) checks.Add("targetValue", "must not be negative");
        checks.NotAbove("targetValue", request.TargetValue, Bounds.Money);
        if (!checks.Ok) return Failure.Invalid(checks.Errors, "The strategic goal could not be saved.");
        if (goal is not null && ParticipationContext.CheckVersion($"Strategic goal {id}", goal.Version, request.ExpectedVersion) is { } stale) return stale;

        var before = goal is null ? null : Describe(goal);
        if (goal is null)
        {
            goal = new PlanGoal { DistrictId = district.Id, Text = "" };
            context.Db.Add(goal);
        }
        goal.KeyIssue = issue!.Value;
        goal.Text = text!;
        goal.TargetValue = request.TargetValue;
        goal.TargetUnit = unit;
        goal.TargetYear = year;
        goal.Version++;
        context.Audit(district, user, before is null ? "plan.goal-added" : "plan.goal-changed", Short(goal.Text), before, Describe(goal));
        if (await context.SaveAsync(district, $"Strategic goal {id}", DistrictArea.StrategicPlan, ct) is { } failed) return failed;
        return GoalView.Of(goal);
    }

    public async Task<Outcome<GoalView>> RemoveGoalAsync(ClaimsPrincipal user, string slug, int id, int? expectedVersion, CancellationToken ct)
    {
        var opened = await context.OpenAsync(user, slug, write: true, What, ct);
        if (opened.Failure is { } f) return f;
        var district = opened.Value!;
        var goal = await context.Db.Set<PlanGoal>().FirstOrDefaultAsync(g => g.Id == id && g.DistrictId == district.Id, ct);
        if (goal is null) return Failure.NotFound($"No strategic goal {id} in district '{slug}'.");
        if (ParticipationContext.CheckVersion($"Strategic goal {id}", goal.Version, expectedVersion) is { } stale) return stale;
        if (await context.Db.Set<PlanActivity>().AnyAsync(a => a.GoalId == id, ct))
            return Failure.Conflict($"Strategic goal {id} still has activities; remove or move them first.", "has-activities");
        context.Db.Remove(goal);
        context.Audit(district, user, "plan.goal-removed", Short(goal.Text), Describe(goal), null);
        if (await context.SaveAsync(district, $"Strategic goal {id}", DistrictArea.StrategicPlan, ct) is { } failed) return failed;
        return GoalView.Of(goal);
    }

    /// <summary>Adds an activity (<paramref name="id"/> null) or changes one.</summary>
    public async Task<Outcome<ActivityView>> SaveActivityAsync(ClaimsPrincipal user, string slug, int? id, ActivityRequest request, CancellationToken ct)
    {
        var opened = await context.OpenAsync(user, slug, write: true, What, ct);
        if (opened.Failure is { } f) return f;
        var district = opened.Value!;
        var activity = id is null ? null : await context.Db.Set<PlanActivity>().FirstOrDefaultAsync(a => a.Id == id && a.DistrictId == district.Id, ct);
        if (id is not null && activity is null) return Failure.NotFound($"No activity {id} in district '{slug}'.");
        var checks = new Checks();
        if (request.GoalId is null) checks.Add("goalId", "is required");
        else if (!await context.Db.Set<PlanGoal>().AnyAsync(g => g.Id == request.GoalId && g.DistrictId == district.Id, ct))
            checks.Add("goalId", $"is not a strategic goal of district '{slug}'");
        var text = checks.Text("text", request.Text, Bounds.Line, multiLine: true);
        var owner = checks.Text("owner", request.Owner, Bounds.Title, required: false);
        var year = checks.Year("year", request.Year);
        if (!checks.Ok) return Failure.Invalid(checks.Errors, "The activity could not be saved.");
        if (activity is not null && ParticipationContext.CheckVersion($"Activity {id}", activity.Version, request.ExpectedVersion) is { } stale) return stale;

        var before = activity is null ? null : $"{activity.Year}: {activity.Owner ?? "-"}";
        if (activity is null)
        {
            activity = new PlanActivity { DistrictId = district.Id, Text = "" };
            context.Db.Add(activity);
        }
        activity.GoalId = request.GoalId!.Value;
        activity.Text = text!;
        activity.Owner = owner;
        activity.Year = year!.Value;
        activity.Version++;
        context.Audit(district, user, before is null ? "plan.activity-added" : "plan.activity-changed", Short(activity.Text), before,
            $"{activity.Year}: {activity.Owner ?? "-"}");
        if (await context.SaveAsync(district, $"Activity {id}", DistrictArea.StrategicPlan, ct) is { } failed) return failed;
        return ActivityView.Of(activity);
    }

    public async Task<Outcome<ActivityView>> RemoveActivityAsync(ClaimsPrincipal user, string slug, int id, int? expectedVersion, CancellationToken ct)
    {
        var opened = await context.OpenAsync(user, slug, write: true, What, ct);
        if (opened.Failure is { } f) return f;
        var district = opened.Value!;
        var activity = await context.Db.Set<PlanActivity>().FirstOrDefaultAsync(a => a.Id == id && a.DistrictId == district.Id, ct);
        if (activity is null) return Failure.NotFound($"No activity {id} in district '{slug}'.");
        if (ParticipationContext.CheckVersion($"Activity {id}", activity.Version, expectedVersion) is { } stale) return stale;
        context.Db.Remove(activity);
        context.Audit(district, user, "plan.activity-removed", Short(activity.Text), $"{activity.Year}: {activity.Owner ?? "-"}", null);
        if (await context.SaveAsync(district, $"Activity {id}", DistrictArea.StrategicPlan, ct) is { } failed) return failed;
        return ActivityView.Of(activity);
    }

    private static string Describe(PlanGoal g) => g.TargetValue is null
        ? $"{Words.Of(g.KeyIssue)}; no target"
        : $"{Words.Of(g.KeyIssue)}; {g.TargetValue.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)} {g.TargetUnit} by {g.TargetYear}";

    private static string Short(string text) => text.Length > 200 ? text[..200] : text;
}
