using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Propilas.Host.Tests;

/// <summary>Demo accounts: seeded outside Production only, with the configured password or a generated one printed once.</summary>
public sealed class AccountSeedTests
{
    private static readonly string[] Pilots = ["san-juan", "llacanora", "miguel-iglesias", "utco", "lajas", "tacabamba"];

    [Fact]
    public async Task Production_seeds_no_demo_accounts()
    {
        await using var host = new PropilasFactory(new HostSettings { Environment = "Production" });
        using var anonymous = host.CreateClient();

        foreach (var user in new[] { "coordinator", "mayor.utco", "alderman.san-juan" })
        {
            using var login = await anonymous.PostAsJsonAsync("/api/auth/login", new { email = user, password = PropilasFactory.DemoPassword });
            Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        }
        Assert.Equal(0, await host.WithDbAsync(db => db.Users.CountAsync()));
        // Roles are still there, for accounts created properly.
        Assert.Equal(["alderman", "atm", "coordinator", "health-post", "mayor"], await host.WithDbAsync(db => db.Roles.Select(r => r.Name!).OrderBy(n => n).ToListAsync()));
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task Without_a_configured_password_a_random_one_is_generated_and_printed_once()
    {
        await using var host = new PropilasFactory(new HostSettings { DemoPassword = null });
        using var anonymous = host.CreateClient();

        // Every demo account exists, with its role and district.
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Propilas.Host.Accounts.AppUser>>();
            var db = scope.ServiceProvider.GetRequiredService<Propilas.Host.Database.PropilasDb>();
            Assert.Equal(6, await db.Districts.CountAsync());
            Assert.Equal(1 + 4 * Pilots.Length, await db.Users.CountAsync());
            Assert.Equal(["coordinator"], await users.GetRolesAsync((await users.FindByNameAsync("coordinator"))!));
            foreach (var slug in Pilots)
            {
                var mayor = await users.FindByNameAsync($"mayor.{slug}");
                Assert.NotNull(mayor);
                Assert.Equal(["mayor"], await users.GetRolesAsync(mayor));
                Assert.Equal(slug, (await db.Districts.SingleAsync(d => d.Id == mayor.DistrictId)).Slug.Value);
                Assert.Equal(["alderman"], await users.GetRolesAsync((await users.FindByNameAsync($"alderman.{slug}"))!));
                foreach (var role in new[] { "atm", "health-post" })
                {
                    var user = await users.FindByNameAsync($"{role}.{slug}");
                    Assert.NotNull(user);
                    Assert.Equal([role], await users.GetRolesAsync(user));
                    Assert.Equal(mayor.DistrictId, user.DistrictId);
                }
            }
        }

        // The configured demo password (absent here) does not open them.
        using (var login = await anonymous.PostAsJsonAsync("/api/auth/login", new { email = "coordinator", password = PropilasFactory.DemoPassword }))
            Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);

        // The generated one was printed once, and it does.
        var printed = host.Logs.Entries.Where(e => e.Level == LogLevel.Warning && e.Values.Any(v => v.Key == "Password")).ToList();
        var password = Assert.Single(printed).Values.Single(v => v.Key == "Password").Value as string;
        Assert.False(string.IsNullOrEmpty(password));
        Assert.NotEqual(PropilasFactory.DemoPassword, password);
        var mayorUtco = await host.LoginAsync("mayor.utco", password);
        await mayorUtco.GetAsync(Api.ProcessUrl("utco")).ExpectAsync(HttpStatusCode.OK);
    }
}
