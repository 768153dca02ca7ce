using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Propilas.Host.Accounts;
using Propilas.Host.Alerts;
using Propilas.Host.Database;
using Propilas.Host.Notifications;

namespace Propilas.RulesBench;

/// <summary>
/// The daily digest at national scale (issue 19 part 5): the portfolio's districts with five or six people each (mayor,
/// two aldermen, technical area, health post, a second technical-area person in every third district; 10,088 people at
/// 1,891 districts) and three coordinators, every
/// alert of a full pass written to the outbox for them, then one digest run (every message prepared) and a second run
/// the same day (none).
/// </summary>
public static class DigestBench
{
    public static async Task RunAsync(IServiceProvider services, IReadOnlyList<int> districtIds)
    {
        var people = await AddPeopleAsync(services, districtIds);
        Console.WriteLine($"people: {people} accounts with an e-mail address");

        var watch = Stopwatch.StartNew();
        await using (var scope = services.CreateAsyncScope())
        {
            var changes = await scope.ServiceProvider.GetRequiredService<AlertReconciler>().RunAllAsync(CancellationToken.None);
            Console.WriteLine($"full pass writing the alerts' messages: {watch.Elapsed.TotalSeconds,6:F1} s  ({changes.Raised} alerts raised)");
        }
        var (queued, waiting) = await CountAsync(services);
        Console.WriteLine($"outbox: {queued} alert messages queued for a digest, for {waiting} people");

        for (var run = 1; run <= 2; run++)
        {
            await using var scope = services.CreateAsyncScope();
            watch.Restart();
            var written = await scope.ServiceProvider.GetRequiredService<DigestJob>().WriteDigestsAsync(CancellationToken.None);
            Console.WriteLine($"digest run {run}: {written,6} digests prepared in {watch.Elapsed.TotalSeconds,6:F1} s");
        }
        var (left, _) = await CountAsync(services);
        Console.WriteLine($"outbox after the runs: {left} alert messages still queued");
    }

    private static async Task<(int Messages, int People)> CountAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PropilasDb>();
        var queued = db.Set<OutboxMessage>().AsNoTracking().Where(m => m.Status == OutboxStatus.Queued);
        return (await queued.CountAsync(), await queued.Select(m => m.UserId).Distinct().CountAsync());
    }

    /// <summary>Accounts written straight to the database (setup, not timed): no password, which the digest does not need.</summary>
    private static async Task<int> AddPeopleAsync(IServiceProvider services, IReadOnlyList<int> districtIds)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PropilasDb>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var roleIds = await db.Roles.AsNoTracking().ToDictionaryAsync(r => r.Name!, r => r.Id);
        var count = 0;
        void Add(string userName, string role, int? districtId)
        {
            var user = new AppUser
            {
                UserName = userName, NormalizedUserName = userName.ToUpperInvariant(), Email = $"{userName}@example.pe",
                NormalizedEmail = $"{userName}@example.pe".ToUpperInvariant(), EmailConfirmed = true, DistrictId = districtId,
                FullName = $"Persona {count:D5}", Language = count % 7 == 0 ? "en" : "es", SecurityStamp = Guid.NewGuid().ToString("N"),
                LockoutEnabled = true,
            };
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roleIds[role] });
            count++;
        }
        for (var c = 1; c <= 3; c++) Add($"coordinador{c}", Roles.Coordinator, null);
        foreach (var id in districtIds)
        {
            foreach (var role in Roles.OfADistrict) Add($"{role}.{id}", role, id);
            Add($"alderman2.{id}", Roles.Alderman, id);
            if (id % 3 == 0) Add($"atm2.{id}", Roles.Atm, id);
            if (db.ChangeTracker.Entries().Count() >= 4000)
            {
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }
        await db.SaveChangesAsync();
        return count;
    }
}
