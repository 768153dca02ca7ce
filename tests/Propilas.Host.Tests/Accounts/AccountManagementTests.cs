using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Propilas.Host.Database;
using Propilas.Host.Notifications;
using Propilas.Host.Tests.PlanningPages;

namespace Propilas.Host.Tests.Accounts;

/// <summary>
/// The coordinator manages a district's accounts: creates them with the person's details, disables them (no sign-in, every
/// session ends, no messages), enables them again and gives them a new password; each change audited.
/// </summary>
[Collection(SeededHostCollection.Name)]
public sealed class AccountManagementTests(SeededHost host)
{
    private static string Url(TestDistrict d, string user, string action = "") => $"/api/districts/{d.Slug}/accounts/{user}{action}";

    private Task<List<string>> AuditAsync(string target) =>
        host.WithDbAsync(db => db.AuditEvents.Where(e => e.Target == target).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());

    private async Task<IReadOnlyList<Recipient>> RecipientsAsync(TestDistrict d)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PropilasDb>();
        var id = await db.Districts.Where(x => x.Slug == Propilas.Host.Districts.DistrictSlug.From(d.Slug)).Select(x => x.Id).SingleAsync();
        return await Recipients.OfAsync(db, [id], host.Time!.GetUtcNow(), CancellationToken.None);
    }

    private async Task<HttpStatusCode> InfoStatusAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/api/auth/manage/info");
        return response.StatusCode;
    }

    private async Task<HttpStatusCode> LoginStatusAsync(string user, string password)
    {
        using var anonymous = host.CreateClient();
        using var response = await anonymous.PostAsJsonAsync("/api/auth/login", new { userName = user, password });
        return response.StatusCode;
    }

    [Fact]
    public async Task A_disabled_account_cannot_sign_in_loses_its_sessions_and_gets_no_messages_until_enabled_again()
    {
        var d = await TestDistrict.CreateAsync(host, TestDistrict.UniqueName("Desactivar"), recordGateFacts: false);
        await d.Coordinator.PostAsJsonAsync($"/api/districts/{d.Slug}/accounts", new
        {
            userName = $"salud.{d.Slug}", role = "health-post", password = TestDistrict.AccountPassword,
            fullName = "Rosa Chávez", position = "jefa del puesto de salud", email = "rosa.salud@example.pe", phone = "+51 976 123 456",
        }).ExpectAsync(HttpStatusCode.Created);
        var health = $"salud.{d.Slug}";
        var cookie = await PageSession.SignInAsync(host, health, TestDistrict.AccountPassword);
        var token = await host.LoginAsync(health, TestDistrict.AccountPassword);
        Assert.Equal(HttpStatusCode.OK, await cookie.StatusAsync("/profile"));
        Assert.Contains(await RecipientsAsync(d), r => r.Role == "health-post");

        var disabled = await d.Coordinator.PostAsync(Url(d, health, "/disable"), null).ExpectAsync(HttpStatusCode.OK);
        Assert.True(disabled.GetProperty("disabled").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, await InfoStatusAsync(token));
        Assert.Equal(HttpStatusCode.Redirect, await cookie.StatusAsync("/profile")); // back to the sign-in page
        Assert.Equal(HttpStatusCode.Unauthorized, await LoginStatusAsync(health, TestDistrict.AccountPassword));
        Assert.DoesNotContain(await RecipientsAsync(d), r => r.Role == "health-post");
        // Disabling again changes nothing and audits nothing more.
        await d.Coordinator.PostAsync(Url(d, health, "/disable"), null).ExpectAsync(HttpStatusCode.OK);
        // Failed sign-ins of a disabled account do not turn its disabling into a short lockout.
        for (var i = 0; i < 6; i++) await LoginStatusAsync(health, "Wrong-Password-1");
        Assert.Equal(HttpStatusCode.Unauthorized, await LoginStatusAsync(health, TestDistrict.AccountPassword));

        var enabled = await d.Coordinator.PostAsync(Url(d, health, "/enable"), null).ExpectAsync(HttpStatusCode.OK);
        Assert.False(enabled.GetProperty("disabled").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, await LoginStatusAsync(health, TestDistrict.AccountPassword));
        Assert.Equal(HttpStatusCode.Unauthorized, await InfoStatusAsync(token)); // a token from before the disabling stays dead
        Assert.Contains(await RecipientsAsync(d), r => r.Role == "health-post");
        Assert.Equal(["account.created", "account.disabled", "account.enabled"], await AuditAsync(health));

        var listed = (await d.Coordinator.GetAsync($"/api/districts/{d.Slug}/accounts").ExpectAsync(HttpStatusCode.OK)).EnumerateArray()
            .Single(a => a.Str("userName") == health);
        Assert.Equal(("Rosa Chávez", "jefa del puesto de salud", "+51 976 123 456", false),
            (listed.Str("fullName"), listed.Str("position"), listed.Str("phone"), listed.GetProperty("disabled").GetBoolean()));
    }

    [Fact]
    public async Task A_password_reset_ends_the_sessions_and_a_weak_password_is_refused_changing_nothing()
    {
        var d = await TestDistrict.CreateAsync(host, TestDistrict.UniqueName("Clave"), recordGateFacts: false);
        var weak = await d.Coordinator.PostAsJsonAsync(Url(d, d.MayorName, "/password"), new { password = "corta" }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["password"], weak.ErrorKeys());
        var tooLong = await d.Coordinator.PostAsJsonAsync(Url(d, d.MayorName, "/password"), new { password = "Aa1-" + new string('x', 200) })
            .ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["password"], tooLong.ErrorKeys());
        Assert.Equal(HttpStatusCode.OK, await InfoStatusAsync(d.Mayor));
        Assert.Equal(HttpStatusCode.OK, await LoginStatusAsync(d.MayorName, TestDistrict.AccountPassword));

        await d.Coordinator.PostAsJsonAsync(Url(d, d.MayorName, "/password"), new { password = "Nueva-Clave-2027" }).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Unauthorized, await InfoStatusAsync(d.Mayor));
        Assert.Equal(HttpStatusCode.Unauthorized, await LoginStatusAsync(d.MayorName, TestDistrict.AccountPassword));
        Assert.Equal(HttpStatusCode.OK, await LoginStatusAsync(d.MayorName, "Nueva-Clave-2027"));
        Assert.Equal(["account.created", "account.password-reset"], await AuditAsync(d.MayorName));
    }

    [Fact]
    public async Task Only_the_coordinator_manages_accounts_and_only_those_of_the_district_named()
    {
        var d = await TestDistrict.CreateAsync(host, TestDistrict.UniqueName("Permisos"), recordGateFacts: false);
        var other = await TestDistrict.CreateAsync(host, TestDistrict.UniqueName("Otro"), recordGateFacts: false);
        await d.Mayor.PostAsync(Url(d, d.AldermanName, "/disable"), null).ExpectAsync(HttpStatusCode.Forbidden);
        await d.Mayor.GetAsync($"/api/districts/{d.Slug}/accounts").ExpectAsync(HttpStatusCode.Forbidden);
        // An account of another district, the coordinator's own, or no account: not found through this district.
        await d.Coordinator.PostAsync(Url(d, other.MayorName, "/disable"), null).ExpectAsync(HttpStatusCode.NotFound);
        await d.Coordinator.PostAsync(Url(d, "coordinator", "/disable"), null).ExpectAsync(HttpStatusCode.NotFound);
        await d.Coordinator.PostAsync(Url(d, "nadie", "/enable"), null).ExpectAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, await InfoStatusAsync(other.Mayor));
    }

    [Fact]
    public async Task An_account_with_a_bad_email_or_phone_is_refused_naming_each_field_and_not_created()
    {
        var d = await TestDistrict.CreateAsync(host, TestDistrict.UniqueName("Correo"), recordGateFacts: false);
        var refused = await d.Coordinator.PostAsJsonAsync($"/api/districts/{d.Slug}/accounts", new
        {
            userName = $"atm.{d.Slug}", role = "atm", password = TestDistrict.AccountPassword,
            email = "julio.huaman@", phone = "976-abc", language = "qu", fullName = new string('a', 121),
        }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["email", "fullName", "language", "phone"], refused.ErrorKeys().Order());
        Assert.False(await host.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == $"atm.{d.Slug}")));
    }

    [Fact]
    public async Task The_coordinator_disables_enables_and_resets_from_the_accounts_page_with_the_error_summary_on_a_refusal()
    {
        var d = await TestDistrict.CreateAsync(host, TestDistrict.UniqueName("Pagina"), recordGateFacts: false);
        var coordinator = await PageSession.SignInAsync(host, "coordinator");
        var list = await coordinator.GetAsync($"/portfolio/accounts?district={d.Slug}");
        var url = $"/portfolio/accounts/{d.Slug}/{d.AldermanName}";
        Assert.Contains($"href=\"{url}\"", list);

        var page = await coordinator.GetAsync(url);
        Assert.Contains("id=\"account-state\">Activa<", page);
        using (var disabled = await coordinator.PostFormAsync(url + "?handler=Disable", page, []))
        {
            Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
            Assert.Equal(url + "#account-done", disabled.Headers.Location?.OriginalString);
        }
        page = await coordinator.GetAsync(url);
        Assert.Contains("Cuenta desactivada", page);
        Assert.Contains("id=\"account-state\">Desactivada<", page);
        Assert.Contains("id=\"enable-form\"", page);
        Assert.Equal(HttpStatusCode.Unauthorized, await InfoStatusAsync(d.Alderman));

        using (var refused = await coordinator.PostFormAsync(url + "?handler=Password", page, new() { ["password"] = "corta" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var html = await PageSession.TextAsync(refused);
            Assert.Matches("class=\"error-summary\"[\\s\\S]*?<a href=\"#reset-password\">La contraseña es demasiado corta", html);
            Assert.Contains("aria-invalid=\"true\"", html);
        }
        using (var enabled = await coordinator.PostFormAsync(url + "?handler=Enable", page, []))
            Assert.Equal(HttpStatusCode.Redirect, enabled.StatusCode);
        using (var reset = await coordinator.PostFormAsync(url + "?handler=Password", page, new() { ["password"] = "Otra-Clave-2027" }))
            Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Equal(HttpStatusCode.OK, await LoginStatusAsync(d.AldermanName, "Otra-Clave-2027"));
        Assert.Equal(["account.created", "account.disabled", "account.enabled", "account.password-reset"], await AuditAsync(d.AldermanName));
        Assert.Equal(HttpStatusCode.NotFound, await coordinator.StatusAsync($"/portfolio/accounts/{d.Slug}/coordinator"));
    }
}
