using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Propilas.Host.Database;

namespace Propilas.Host.Accounts;

/// <summary>
/// Roles always; demo accounts (<c>coordinator</c>, and <c>&lt;role&gt;.&lt;slug&gt;</c> for every role of a district: mayor, alderman,
/// atm, health-post) of the pilots outside Production only,
/// with <c>Seed:DemoPassword</c> or, where unset, a random password printed once.
/// </summary>
public sealed class AccountSeeder(
    RoleManager<IdentityRole> roles, UserManager<AppUser> users, PropilasDb db, IConfiguration configuration,
    IHostEnvironment environment, ILogger<AccountSeeder> log)
{
    /// <summary>The pilot districts of the seed data. Demo accounts are for these only, never for districts registered later.</summary>
    public static readonly IReadOnlySet<string> PilotDistricts = new HashSet<string> { "san-juan", "llacanora", "miguel-iglesias", "utco", "lajas", "tacabamba" };

    public async Task SeedAsync(CancellationToken ct)
    {
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                Check(await roles.CreateAsync(new IdentityRole(role)), role);

        if (environment.IsProduction()) return;

        var configured = configuration["Seed:DemoPassword"];
        var password = string.IsNullOrEmpty(configured) ? RandomPassword() : configured;
        var created = 0;
        created += await EnsureAsync("coordinator", Roles.Coordinator, null, password);
        foreach (var district in (await db.Districts.AsNoTracking().OrderBy(d => d.Id).ToListAsync(ct)).Where(d => PilotDistricts.Contains(d.Slug.Value)))
        {
            foreach (var role in Roles.OfADistrict)
                created += await EnsureAsync($"{role}.{district.Slug}", role, district.Id, password);
        }
        if (created > 0 && string.IsNullOrEmpty(configured))
            log.LogWarning("Created {Count} demo accounts with the generated password {Password} (set Seed:DemoPassword to choose one). It is not shown again.", created, password);
    }

    private async Task<int> EnsureAsync(string userName, string role, int? districtId, string password)
    {
        if (await users.FindByNameAsync(userName) is not null) return 0;
        var user = new AppUser { UserName = userName, DistrictId = districtId, EmailConfirmed = true };
        Check(await users.CreateAsync(user, password), userName);
        Check(await users.AddToRoleAsync(user, role), userName);
        return 1;
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Could not seed '{what}': {string.Join("; ", result.Errors.Select(e => e.Description))}");
    }

    private static string RandomPassword() => $"Pl-{Convert.ToHexString(RandomNumberGenerator.GetBytes(8)).ToLowerInvariant()}-X7";
}
