using Propilas.Host.Common;
using Microsoft.AspNetCore.Mvc;
using Propilas.Host.Participation;
using Propilas.Host.StrategicPlan;

namespace Propilas.Host.Pages.Participation;

/// <summary>The strategic goals, by key issue, with their targets, and the annual operating plan's activities with their owners.</summary>
public sealed class PlanModel(PlanBook book, ParticipationContext context) : ParticipationPage(context)
{
    public IReadOnlyList<GoalView> Goals { get; private set; } = [];
    public IReadOnlyList<ActivityView> Activities { get; private set; } = [];

    [BindProperty] public string? KeyIssue { get; set; }
    [BindProperty] public string? GoalText { get; set; }
    [BindProperty] public string? TargetValue { get; set; }
    [BindProperty] public string? TargetUnit { get; set; }
    [BindProperty] public string? TargetYear { get; set; }

    [BindProperty] public string? ActivityGoalId { get; set; }
    [BindProperty] public string? ActivityText { get; set; }
    [BindProperty] public string? Owner { get; set; }
    [BindProperty] public string? ActivityYear { get; set; }

    /// <summary>What was typed in a rejected edit form, by field.</summary>
    public Dictionary<string, string?> Typed { get; } = [];

    protected override string PageName => "plan";

    protected override async Task LoadRecordsAsync(CancellationToken ct)
    {
        Goals = (await book.GoalsAsync(User, Slug, ct)).Value ?? [];
        Activities = (await book.ActivitiesAsync(User, Slug, ct)).Value ?? [];
    }

    public async Task<IActionResult> OnPostAddGoalAsync(string slug, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var request = new GoalRequest(KeyIssue, GoalText, ReadDecimal(TargetValue, "targetValue", errors), TargetUnit,
            ReadInt(TargetYear, "targetYear", errors), null);
        if (errors.Count > 0) return await InvalidAsync(slug, "add-goal", errors, ct);
        var result = await book.SaveGoalAsync(User, slug, null, request, ct);
        return result.Failure is { } f ? await RejectedAsync(slug, "add-goal", f, ct) : Done(slug, $"goal-{result.Value!.Id}");
    }

    public async Task<IActionResult> OnPostEditGoalAsync(string slug, int id, string? editKeyIssue, string? editText, string? editTargetValue,
        string? editTargetUnit, string? editTargetYear, int? version, CancellationToken ct)
    {
        var form = $"goal-{id}";
        Typed["keyIssue"] = editKeyIssue;
        Typed["text"] = editText;
        Typed["targetValue"] = editTargetValue;
        Typed["targetUnit"] = editTargetUnit;
        Typed["targetYear"] = editTargetYear;
        var errors = new Dictionary<string, string[]>();
        var request = new GoalRequest(editKeyIssue, editText, ReadDecimal(editTargetValue, "targetValue", errors), editTargetUnit,
            ReadInt(editTargetYear, "targetYear", errors), version);
        if (errors.Count > 0) return await InvalidAsync(slug, form, errors, ct);
        var result = await book.SaveGoalAsync(User, slug, id, request, ct);
        return result.Failure is { } f ? await RejectedAsync(slug, form, f, ct) : Done(slug, form);
    }

    public async Task<IActionResult> OnPostAddActivityAsync(string slug, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var request = new ActivityRequest(ReadInt(ActivityGoalId, "goalId", errors), ActivityText, Owner, ReadInt(ActivityYear, "year", errors), null);
        if (errors.Count > 0) return await InvalidAsync(slug, "add-activity", errors, ct);
        var result = await book.SaveActivityAsync(User, slug, null, request, ct);
        return result.Failure is { } f ? await RejectedAsync(slug, "add-activity", f, ct) : Done(slug, $"activity-{result.Value!.Id}");
    }

    public async Task<IActionResult> OnPostEditActivityAsync(string slug, int id, int goalId, string? editActivityText, string? editOwner,
        string? editYear, int? version, CancellationToken ct)
    {
        var form = $"activity-{id}";
        Typed["text"] = editActivityText;
        Typed["owner"] = editOwner;
        Typed["year"] = editYear;
        var errors = new Dictionary<string, string[]>();
        var request = new ActivityRequest(goalId, editActivityText, editOwner, ReadInt(editYear, "year", errors), version);
        if (errors.Count > 0) return await InvalidAsync(slug, form, errors, ct);
        var result = await book.SaveActivityAsync(User, slug, id, request, ct);
        return result.Failure is { } f ? await RejectedAsync(slug, form, f, ct) : Done(slug, form);
    }

    protected override string FieldId(string form, string field)
    {
        var id = form[(form.LastIndexOf('-') + 1)..];
        return (form, field) switch
        {
            ("add-goal", "text") => "goal-text",
            ("add-goal", _) => Kebab(field),
            ("add-activity", "goalId") => "activity-goal",
            ("add-activity", "owner") => "owner",
            ("add-activity", _) => "activity-" + Kebab(field),
            (_, "keyIssue") => $"key-issue-{id}",
            (_, "targetValue") => $"target-{id}",
            (_, "targetUnit") => $"unit-{id}",
            (_, "targetYear") => $"year-{id}",
            (_, "text") when form.StartsWith("goal-") => $"text-{id}",
            (_, "text") => $"activity-text-{id}",
            (_, "year") => $"activity-year-{id}",
            _ => $"{Kebab(field)}-{id}",
        };
    }

    /// <summary>The typed value when this form was rejected, else the stored one.</summary>
    public string? Value(string form, string field, string? stored) => Failed(form) ? Typed.GetValueOrDefault(field) : stored;
}
