namespace Propilas.Host.Tests.Security;

/// <summary>The account endpoints and sessions (issue 18, part 4): info and password change answer, and stale sessions stop.</summary>
public sealed class AccountEndpointTests
{
    [Fact]
    public async Task Account_info_answers_the_signed_in_account()
    {
        await using var host = SecurityHosts.Create();
        var coordinator = await host.LoginAsync("coordinator");

        var info = await coordinator.GetAsync("/api/auth/manage/info").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("coordinator", info.Str("userName"));
        Assert.Equal(["coordinator"], info.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToArray());
        using var anonymous = host.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/auth/manage/info")).StatusCode);
    }

    [Fact]
    public async Task A_password_change_answers_and_ends_every_token_issued_before()
    {
        await using var host = SecurityHosts.Create();
        using var anonymous = host.CreateClient();
        var login = await anonymous.PostAsJsonAsync("/api/auth/login", new { userName = "coordinator", password = PropilasFactory.DemoPassword })
            .ExpectAsync(HttpStatusCode.OK);
        var before = host.ClientWithToken(login.Str("accessToken"));
        await before.GetAsync("/api/districts").ExpectAsync(HttpStatusCode.OK);

        var changed = await before.PostAsJsonAsync("/api/auth/manage/info", new { oldPassword = PropilasFactory.DemoPassword, newPassword = "Otra-Clave-2027" })
            .ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("coordinator", changed.Str("userName"));

        // The token and the refresh token from before the change no longer work; the new password does, the old one not.
        await before.GetAsync("/api/districts").ExpectAsync(HttpStatusCode.Unauthorized);
        await anonymous.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = login.Str("refreshToken") }).ExpectAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.TryLoginAsync("coordinator", PropilasFactory.DemoPassword)).StatusCode);
        var after = await host.LoginAsync("coordinator", "Otra-Clave-2027");
        await after.GetAsync("/api/districts").ExpectAsync(HttpStatusCode.OK);
        // Audited.
        Assert.Equal(1, await host.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
            db.AuditEvents.Where(e => e.Action == "account.password-changed" && e.Target == "coordinator"))));
    }

    [Fact]
    public async Task A_password_change_with_a_wrong_current_password_is_refused_and_counts_towards_lockout()
    {
        await using var host = SecurityHosts.Create(new() { ["SignIn:LockoutAfterFailures"] = "2" });
        var coordinator = await host.LoginAsync("coordinator");

        var problem = await coordinator.PostAsJsonAsync("/api/auth/manage/info", new { oldPassword = "not-it", newPassword = "Otra-Clave-2027" })
            .ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["oldPassword"], problem.ErrorKeys());
        problem = await coordinator.PostAsJsonAsync("/api/auth/manage/info", new { newPassword = "Otra-Clave-2027" }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["oldPassword"], problem.ErrorKeys());
        await coordinator.PostAsJsonAsync("/api/auth/manage/info", new { oldPassword = "still-not-it", newPassword = "Otra-Clave-2027" })
            .ExpectAsync(HttpStatusCode.BadRequest);
        // Two failures in a row locked the account: even the right password changes nothing now.
        await coordinator.PostAsJsonAsync("/api/auth/manage/info", new { oldPassword = PropilasFactory.DemoPassword, newPassword = "Otra-Clave-2027" })
            .ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.TryLoginAsync("coordinator", "Otra-Clave-2027")).StatusCode);
    }

    [Fact]
    public async Task A_signed_out_cookie_replayed_is_refused()
    {
        await using var host = SecurityHosts.Create();
        var (signedIn, cookies) = await host.PostSignInPageAsync("coordinator", PropilasFactory.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        using var client = host.RawClient();

        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Get, "/alerts")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SendAsync(HttpMethod.Post, "/signout")).StatusCode);

        // The same cookie, kept by someone and sent again, opens nothing.
        using var replayed = await SendAsync(HttpMethod.Get, "/alerts");
        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        Assert.Contains("/signin", replayed.Headers.Location?.OriginalString);

        Task<HttpResponseMessage> SendAsync(HttpMethod method, string url)
        {
            var request = new HttpRequestMessage(method, url);
            request.Headers.Add("Cookie", cookies);
            return client.SendAsync(request);
        }
    }

    [Fact]
    public async Task Self_registration_and_the_email_flows_are_not_there()
    {
        await using var host = SecurityHosts.Create();
        using var anonymous = host.CreateClient();
        foreach (var path in new[] { "/api/auth/register", "/api/auth/forgotPassword", "/api/auth/resetPassword", "/api/auth/manage/2fa" })
            Assert.Equal(HttpStatusCode.NotFound, (await anonymous.PostAsJsonAsync(path, new { email = "x@example.org", password = "Abcdef-123" })).StatusCode);
    }
}
