using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Propilas.Host.Accounts;
using Propilas.Host.Common;
using Propilas.Host.Database;
using Propilas.Host.Pages.Shared;

namespace Propilas.Host.Pages.Profile;

/// <summary>A person's own contact details and which alert topics they leave out of their daily digest.</summary>
public sealed class ProfileModel(UserManager<AppUser> users, PropilasDb db, TimeProvider time, IStringLocalizer<ProfileTexts> texts) : PageModel
{
    /// <summary>The topics a person may leave out of their digest (rule families that raise alerts); critical alerts come regardless.</summary>
    public static readonly string[] Topics = ["water-board", "invitation", "commitment", "obligation"];

    [BindProperty] public string? FullName { get; set; }
    [BindProperty] public string? Position { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public string Language { get; set; } = "es";
    /// <summary>The topics ticked: those the person wants in their digest.</summary>
    [BindProperty] public List<string> Digest { get; set; } = [];

    public IReadOnlyList<FieldProblem> Problems { get; private set; } = [];
    [TempData] public string? Saved { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        FullName = user.FullName;
        Position = user.Position;
        Email = user.Email;
        Phone = user.PhoneNumber;
        Language = user.Language;
        var off = (user.DigestOff ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries);
        Digest = [.. Topics.Where(t => !off.Contains(t))];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        var problems = new List<FieldProblem>();
        FullName = FullName?.Trim();
        Email = Email?.Trim();
        Phone = Phone?.Trim();
        if (string.IsNullOrEmpty(FullName) || FullName.Length > 120) problems.Add(new("fullName", texts["error.fullName"]));
        if (Position?.Trim().Length > 120) problems.Add(new("position", texts["error.position"]));
        if (!string.IsNullOrEmpty(Email) && !ContactDetails.IsEmail(Email)) problems.Add(new("email", texts["error.email"]));
        if (!string.IsNullOrEmpty(Phone) && !ContactDetails.IsPhone(Phone)) problems.Add(new("phone", texts["error.phone"]));
        if (!ContactDetails.IsLanguage(Language)) problems.Add(new("language-es", texts["error.language"]));
        if (problems.Count > 0)
        {
            Problems = problems;
            return Page();
        }
        var before = $"{user.FullName}|{user.Position}|{user.Email}|{user.PhoneNumber}|{user.Language}|{user.DigestOff}";
        user.FullName = FullName;
        user.Position = string.IsNullOrWhiteSpace(Position) ? null : Position.Trim();
        user.Email = string.IsNullOrEmpty(Email) ? null : Email;
        user.PhoneNumber = string.IsNullOrEmpty(Phone) ? null : Phone;
        user.Language = Language;
        user.DigestOff = string.Join(',', Topics.Where(t => !Digest.Contains(t))) is { Length: > 0 } off ? off : null;
        var actor = User.ToActor();
        // Saved with the account by Identity's store, in the same save.
        db.AuditEvents.Add(new AuditEvent
        {
            Subject = $"user:{user.UserName}", Action = "person.contact-updated", Target = user.UserName ?? "", By = actor.UserName,
            Role = actor.Roles.FirstOrDefault() ?? "", At = time.GetUtcNow(), Before = before,
            After = $"{user.FullName}|{user.Position}|{user.Email}|{user.PhoneNumber}|{user.Language}|{user.DigestOff}",
        });
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        Saved = "1";
        return RedirectToPage();
    }
}
