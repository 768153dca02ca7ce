using Microsoft.EntityFrameworkCore;
using Propilas.Host.Database;

namespace Propilas.Host.Accounts;

/// <summary>
/// Who did something, as pages show it: the account's full name and position ("Rosa Chávez, coordinadora"), or the user
/// name when the account has no name recorded (or the doer is no account, such as a command). Per request: each name is
/// read once however often a page shows it.
/// </summary>
public sealed class PersonNames(PropilasDb db)
{
    private readonly Dictionary<string, string> _shown = new(StringComparer.Ordinal);

    public async Task<string> ShowAsync(string? userName)
    {
        if (string.IsNullOrEmpty(userName)) return "";
        if (_shown.TryGetValue(userName, out var shown)) return shown;
        var person = await db.Users.AsNoTracking().Where(u => u.NormalizedUserName == userName.ToUpperInvariant()).Select(u => new { u.FullName, u.Position }).FirstOrDefaultAsync();
        shown = Show(userName, person?.FullName, person?.Position);
        _shown[userName] = shown;
        return shown;
    }

    public static string Show(string userName, string? fullName, string? position) =>
        string.IsNullOrWhiteSpace(fullName) ? userName : string.IsNullOrWhiteSpace(position) ? fullName : $"{fullName}, {position}";
}
