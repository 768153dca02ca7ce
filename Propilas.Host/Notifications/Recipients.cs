using Microsoft.EntityFrameworkCore;
using Propilas.Host.Accounts;
using Propilas.Host.Database;

namespace Propilas.Host.Notifications;

/// <summary>A person who can be told: an account not locked out, with an e-mail address, in one of its roles.</summary>
public sealed record Recipient(string Id, string Role, int? DistrictId, string Email, string Language, string? FullName, IReadOnlySet<string> DigestOff);

public static class Recipients
{
    /// <summary>Everyone holding a role for these districts, and every coordinator.</summary>
    public static async Task<IReadOnlyList<Recipient>> OfAsync(PropilasDb db, IReadOnlyCollection<int> districtIds, DateTimeOffset now, CancellationToken ct)
    {
        var rows = await (from u in db.Users.AsNoTracking()
                          join ur in db.UserRoles on u.Id equals ur.UserId
                          join r in db.Roles on ur.RoleId equals r.Id
                          where u.DistrictId == null || districtIds.Contains(u.DistrictId.Value)
                          select new { u.Id, Role = r.Name, u.DistrictId, u.Email, u.Language, u.FullName, u.DigestOff, u.LockoutEnabled, u.LockoutEnd })
            .ToListAsync(ct);
        return [.. rows.Where(u => !string.IsNullOrWhiteSpace(u.Email) && !IsLockedOut(u.LockoutEnabled, u.LockoutEnd, now))
            .Select(u => new Recipient(u.Id, u.Role!, u.DistrictId, u.Email!, u.Language, u.FullName,
                (u.DigestOff ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet()))];
    }

    public static bool IsLockedOut(bool lockoutEnabled, DateTimeOffset? lockoutEnd, DateTimeOffset now) => lockoutEnabled && lockoutEnd > now;
}
