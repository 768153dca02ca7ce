using System.Diagnostics;

namespace Propilas.Host.Tests.Security;

/// <summary>Login abuse (issue 18, part 2): rate limits per address and per account, a short escalating lockout, and alike answers.</summary>
public sealed class SignInAbuseTests
{
    [Fact]
    public async Task One_address_trying_many_accounts_is_answered_429_with_Retry_After()
    {
        await using var host = SecurityHosts.Create(new() { ["SignIn:PerAddressPerMinute"] = "5" });
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await host.TryLoginAsync($"guess-{i}", "wrong-password", "198.51.100.7")).StatusCode);

        using var refused = await host.TryLoginAsync("coordinator", PropilasFactory.DemoPassword, "198.51.100.7");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var wait = refused.Headers.RetryAfter?.Delta;
        Assert.True(wait > TimeSpan.Zero && wait <= TimeSpan.FromMinutes(1), $"Retry-After: {refused.Headers.RetryAfter}");
        var problem = await refused.ReadJsonAsync();
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);

        // Another address is not held back by that one.
        Assert.Equal(HttpStatusCode.OK, (await host.TryLoginAsync("coordinator", PropilasFactory.DemoPassword, "198.51.100.8")).StatusCode);
    }

    [Fact]
    public async Task Many_addresses_trying_one_account_are_answered_429()
    {
        await using var host = SecurityHosts.Create(new() { ["SignIn:PerAccountPerMinute"] = "3", ["SignIn:LockoutAfterFailures"] = "100" });
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await host.TryLoginAsync("coordinator", "wrong-password", $"192.0.2.{i + 1}")).StatusCode);

        using var refused = await host.TryLoginAsync("Coordinator ", "wrong-password", "192.0.2.50");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter?.Delta);
        // Other accounts from those addresses go on.
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.TryLoginAsync("someone-else", "wrong-password", "192.0.2.1")).StatusCode);
    }

    [Theory]
    [InlineData("es", "Demasiados intentos de ingreso")]
    [InlineData("en", "Too many sign-in attempts")]
    public async Task The_sign_in_page_answers_429_with_Retry_After_and_says_so_in_its_language(string culture, string text)
    {
        await using var host = SecurityHosts.Create(new() { ["SignIn:PerAddressPerMinute"] = "2" });
        for (var i = 0; i < 2; i++)
        {
            var (failed, _) = await host.PostSignInPageAsync($"guess-{i}", "wrong-password", culture);
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        }

        var (refused, _) = await host.PostSignInPageAsync("coordinator", PropilasFactory.DemoPassword, culture);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter?.Delta);
        var html = System.Net.WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains(text, html);
        Assert.Contains($"lang=\"{culture}\"", html);
        Assert.Contains("name=\"UserName\"", html); // the form is there to try again
    }

    [Fact]
    public async Task Unknown_names_wrong_passwords_and_locked_accounts_get_the_same_answer()
    {
        await using var host = SecurityHosts.Create(new() { ["SignIn:LockoutAfterFailures"] = "3" });
        var unknown = await BodyOf(await host.TryLoginAsync("nobody-here", "wrong-password"));
        var wrong = await BodyOf(await host.TryLoginAsync("coordinator", "wrong-password"));
        await host.TryLoginAsync("coordinator", "wrong-password");
        await host.TryLoginAsync("coordinator", "wrong-password"); // the third failure locks the account
        var locked = await BodyOf(await host.TryLoginAsync("coordinator", PropilasFactory.DemoPassword));
        var unknownAgain = await BodyOf(await host.TryLoginAsync("nobody-here", PropilasFactory.DemoPassword));

        Assert.Equal(unknown, wrong);
        Assert.Equal(unknown, locked);
        Assert.Equal(unknown, unknownAgain);
        Assert.DoesNotContain("LockedOut", unknown);

        static async Task<string> BodyOf(HttpResponseMessage response)
        {
            using (response)
            {
                Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
                // The whole answer but its trace id, which differs per request.
                var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
                body.Remove("traceId");
                return body.ToJsonString();
            }
        }
    }

    [Fact]
    public async Task An_unknown_name_takes_as_long_to_refuse_as_a_wrong_password()
    {
        // Lockout out of the way: this measures a wrong password's own path.
        await using var host = SecurityHosts.Create(new() { ["SignIn:LockoutAfterFailures"] = "1000" });
        await host.TryLoginAsync("coordinator", "warm-up");
        await host.TryLoginAsync("nobody", "warm-up");
        var wrong = new List<double>();
        var unknown = new List<double>();
        for (var i = 0; i < 9; i++)
        {
            wrong.Add(await TimeAsync(() => host.TryLoginAsync("coordinator", $"wrong-{i}")));
            unknown.Add(await TimeAsync(() => host.TryLoginAsync($"nobody-{i}", $"wrong-{i}")));
        }
        var (w, u) = (Median(wrong), Median(unknown));
        // Before: 132 ms against 4 ms. Now both check a password hash.
        Assert.True(u >= 0.5 * w, $"median wrong password {w:0} ms, unknown name {u:0} ms");

        static async Task<double> TimeAsync(Func<Task<HttpResponseMessage>> call)
        {
            var watch = Stopwatch.StartNew();
            using var response = await call();
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            return watch.Elapsed.TotalMilliseconds;
        }

        static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
    }

    [Fact]
    public async Task Lockout_is_short_and_grows_with_each_run_of_failures_until_a_sign_in_succeeds()
    {
        await using var host = SecurityHosts.Create(new() { ["SignIn:LockoutAfterFailures"] = "3", ["SignIn:FirstLockoutSeconds"] = "60" },
            fakeNow: PropilasFactory.DefaultNow);
        var time = host.Time!;

        await FailAsync(3);
        await ExpectAsync(HttpStatusCode.Unauthorized); // locked: even the right password is refused
        time.Advance(TimeSpan.FromSeconds(61));
        await FailAsync(3);                              // the second run in a row: two minutes
        time.Advance(TimeSpan.FromSeconds(61));
        await ExpectAsync(HttpStatusCode.Unauthorized);
        time.Advance(TimeSpan.FromSeconds(60));
        await ExpectAsync(HttpStatusCode.OK);            // over, and the success forgets the failures

        await FailAsync(3);
        time.Advance(TimeSpan.FromSeconds(61));
        await ExpectAsync(HttpStatusCode.OK);            // one minute again

        async Task FailAsync(int times)
        {
            for (var i = 0; i < times; i++) Assert.Equal(HttpStatusCode.Unauthorized, (await host.TryLoginAsync("coordinator", "wrong-password")).StatusCode);
        }

        async Task ExpectAsync(HttpStatusCode status) =>
            Assert.Equal(status, (await host.TryLoginAsync("coordinator", PropilasFactory.DemoPassword)).StatusCode);
    }

    [Fact]
    public void Lockouts_double_from_one_minute_and_stop_at_fifteen()
    {
        var limits = new Propilas.Host.Security.SignInLimits();
        Assert.Equal([1, 2, 4, 8, 15, 15], Enumerable.Range(1, 6).Select(run => limits.LockoutFor(run).TotalMinutes).ToArray());
        Assert.Equal(5, limits.LockoutAfterFailures);
    }
}
