using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Propilas.Host.Database;
using Propilas.Host.Notifications;

namespace Propilas.Host.Pages.Outbox;

/// <summary>One message as the outbox lists it, with the person's name.</summary>
public sealed record OutboxRow(long Id, string Person, string To, string Kind, string Title, OutboxStatus Status, int Attempts,
    DateTimeOffset CreatedAt, DateTimeOffset? NextAttemptAt, DateTimeOffset? SentAt, string? LastError);

/// <summary>The coordinator's view of the messages: the newest first, filtered by status, and a failed one sent again.</summary>
[Authorize(Policy = "coordinator")]
public sealed class OutboxModel(PropilasDb db, OutboxResend resend) : PageModel
{
    public const int Shown = 100;

    public OutboxStatus? Status { get; private set; }
    public IReadOnlyDictionary<OutboxStatus, int> Counts { get; private set; } = new Dictionary<OutboxStatus, int>();
    public IReadOnlyList<OutboxRow> Rows { get; private set; } = [];

    [TempData] public string? Resent { get; set; }
    [TempData] public string? NotResent { get; set; }

    public static string Word(OutboxStatus status) => status.ToString().ToLowerInvariant();

    public static OutboxStatus? Parse(string? status) =>
        Enum.TryParse<OutboxStatus>(status, ignoreCase: true, out var s) && Enum.IsDefined(s) ? s : null;

    public async Task OnGetAsync(string? status, CancellationToken ct)
    {
        Status = Parse(status);
        Counts = (await db.Set<OutboxMessage>().AsNoTracking().GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .ToDictionary(x => x.Key, x => x.Count);
        var query = db.Set<OutboxMessage>().AsNoTracking();
        if (Status is { } s) query = query.Where(m => m.Status == s);
        Rows = await (from m in query
                      join u in db.Users.AsNoTracking() on m.UserId equals u.Id
                      orderby m.Id descending
                      select new OutboxRow(m.Id, u.FullName ?? u.UserName ?? "", m.To, m.Kind, m.Title, m.Status, m.Attempts, m.CreatedAt,
                          m.NextAttemptAt, m.SentAt, m.LastError))
            .Take(Shown).ToListAsync(ct);
    }

    public async Task<IActionResult> OnPostResendAsync(long id, string? status, CancellationToken ct)
    {
        if (await resend.ResendAsync(id, User, ct)) Resent = id.ToString();
        else NotResent = id.ToString();
        return RedirectToPage(new { status = Parse(status) is { } s ? Word(s) : null });
    }
}
