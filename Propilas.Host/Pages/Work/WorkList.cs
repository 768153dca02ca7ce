using System.Security.Claims;
using Microsoft.Extensions.Localization;
using Propilas.Host.Accounts;
using Propilas.Host.Commitments;
using Propilas.Host.Districts;
using Propilas.Host.Invitations;
using Propilas.Host.Obligations;
using Propilas.Host.Pages.Districts;
using Propilas.Host.Pages.Localization;
using Propilas.Host.Pages.Participation;
using Propilas.Host.Participation;
using Propilas.Host.Process;
using Propilas.Host.WaterBoards;
using Propilas.Rules.Engine;
using Propilas.Rules.Facts;
using Propilas.Workflows.Runtime;
using Propilas.Host.Common;

namespace Propilas.Host.Pages.Work;

/// <summary>One thing a person must do, in the page's language, and the address where they do it.</summary>
/// <param name="Kind">What sort of work: a text key, e.g. <c>kind.step</c>.</param>
/// <param name="Due">Null for a board never visited: it should have been visited already.</param>
/// <param name="Urgent">Comes before anything dated (a board with a critical alert).</param>
public sealed record WorkItem(string Kind, string What, string? Detail, string Where, DateOnly? Due, bool Overdue, bool Urgent, string Href);

/// <summary>
/// What one person must do in their district, soonest due first, read through the features' own queries: the process steps
/// and gates of their roles; for the alderman unanswered invitations and commitments falling due; for the technical area the
/// water boards to visit (critical alerts first, then longest unvisited); for the health post its own obligations.
/// </summary>
public sealed class WorkList(
    ProcessContext process, InvitationBook invitations, CommitmentBook commitments, WaterBoardQueries boards, ObligationQueries obligations,
    RuleBook rules, TimeProvider time, IStringLocalizer<WorkTexts> texts, IStringLocalizer<Texts> shared, IStringLocalizer<ParticipationTexts> participation)
{
    /// <summary>How far ahead a commitment or a board visit counts as falling due.</summary>
    public const int SoonDays = 30;

    public async Task<IReadOnlyList<WorkItem>> ForAsync(ClaimsPrincipal user, DistrictRef district, CancellationToken ct)
    {
        var actor = user.ToActor();
        var today = Dates.InPeru(time.GetUtcNow());
        var items = new List<WorkItem>();
        await AddProcessAsync(items, actor, district, ct);
        if (actor.Holds(Roles.Alderman))
        {
            await AddInvitationsAsync(items, user, district, today, ct);
            await AddCommitmentsAsync(items, user, district, today, ct);
        }
        if (actor.Holds(Roles.Atm)) await AddBoardsAsync(items, district, today, ct);
        if (actor.Holds(Roles.HealthPost)) await AddHealthObligationsAsync(items, district, today, ct);
        // Urgent first, then soonest due; no date (never visited) before any date.
        return items.OrderByDescending(i => i.Urgent).ThenBy(i => i.Due ?? DateOnly.MinValue).ToList();
    }

    private async Task AddProcessAsync(List<WorkItem> items, Actor actor, DistrictRef district, CancellationToken ct)
    {
        if (await process.FindAsync(district.Slug.Value, ct) is not { } found) return;
        var view = await process.BuildAsync(found.Instance, ct);
        var now = time.GetUtcNow();
        var lang = Language;
        foreach (var action in ProcessProgress.Of(view, actor, now).Mine)
        {
            var detail = !action.IsGate ? null
                : action.Blocked ? $"{shared["GateBlockedBy"].Value} {string.Join(" ", action.Blockers.Select(b => b.Message.In(lang)))}"
                : shared["GateReady"].Value;
            items.Add(new WorkItem(action.IsGate ? "kind.gate" : action.IsApproval ? "kind.approval" : "kind.step", action.What.In(lang), detail, district.Name,
                action.DueAt is { } due ? Dates.InPeru(due) : null, action.Overdue, false, $"/districts/{district.Slug}#{action.Anchor}"));
        }
    }

    private async Task AddInvitationsAsync(List<WorkItem> items, ClaimsPrincipal user, DistrictRef district, DateOnly today, CancellationToken ct)
    {
        var list = await invitations.ListAsync(user, district.Slug.Value, ct);
        // The invitation rule's own limit: an invitation unanswered this long raises its alert.
        var answerWithin = Convert.ToInt32(rules.ParametersOf("invitations")["unansweredAfterDays"], System.Globalization.CultureInfo.InvariantCulture);
        foreach (var i in list.Value ?? [])
        {
            if (i.Answer != Words.Of(InvitationAnswer.Pending)) continue;
            var due = i.InvitedOn.AddDays(answerWithin);
            var detail = string.Format(texts["InvitationSent"], participation["event." + i.Event].Value, Dates.Show(i.InvitedOn));
            items.Add(new WorkItem("kind.invitation", i.Organisation, detail, district.Name, due, due < today, false,
                $"/districts/{district.Slug}/invitations#invitation-{i.Id}"));
        }
    }

    private async Task AddCommitmentsAsync(List<WorkItem> items, ClaimsPrincipal user, DistrictRef district, DateOnly today, CancellationToken ct)
    {
        var list = await commitments.ListAsync(user, district.Slug.Value, ct);
        foreach (var c in list.Value ?? [])
        {
            if (c.Status != Words.Of(CommitmentStatus.Pending) || c.DueOn > today.AddDays(SoonDays)) continue;
            items.Add(new WorkItem("kind.commitment", $"{c.Party}: {c.What}", null, district.Name, c.DueOn, c.DueOn < today, false,
                $"/districts/{district.Slug}/commitments#commitment-{c.Id}"));
        }
    }

    private async Task AddBoardsAsync(List<WorkItem> items, DistrictRef district, DateOnly today, CancellationToken ct)
    {
        var visitEvery = Convert.ToInt32(rules.ParametersOf("water-boards")["visitOverdueDays"], System.Globalization.CultureInfo.InvariantCulture);
        foreach (var b in (await boards.ListAsync(district, ct)).Boards)
        {
            var critical = b.Alerts.Count(a => a.Severity == "critical");
            DateOnly? due = b.LastVisitOn?.AddDays(visitEvery);
            if (critical == 0 && due > today.AddDays(SoonDays)) continue;
            var visited = b.LastVisitOn is { } last ? string.Format(texts["LastVisit"], Dates.Show(last)) : texts["NeverVisited"].Value;
            var detail = critical > 0 ? $"{string.Format(texts["CriticalAlerts"], critical)} · {visited}" : visited;
            var what = b.Name.Contains(b.Locality, StringComparison.OrdinalIgnoreCase) ? b.Name : $"{b.Name} ({b.Locality})";
            items.Add(new WorkItem("kind.board", what, detail, district.Name, due, due is null || due < today, critical > 0,
                $"/districts/{district.Slug}/water-boards/{b.Id}#visits"));
        }
    }

    private async Task AddHealthObligationsAsync(List<WorkItem> items, DistrictRef district, DateOnly today, CancellationToken ct)
    {
        var lang = Language;
        foreach (var o in await obligations.ListAsync(district, new ObligationFilter(Stakeholder.MinistryOfHealth, Status: ObligationStatus.Open), ct))
            items.Add(new WorkItem("kind.obligation", o.Text.In(lang), texts["Fulfil"].Value, district.Name, o.DueOn, o.DueOn < today, false,
                $"/districts/{district.Slug}/obligations?stakeholder=ministryOfHealth#obligation-{o.Id}"));
    }

    private static string Language => System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
}
