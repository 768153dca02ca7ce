using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Propilas.Host.Accounts;

namespace Propilas.Host.Tests.Security;

/// <summary>A production start (issue 18, part 5): the first coordinator, no pilots unless asked, HTTPS, the OpenAPI document.</summary>
public sealed class ProductionStartTests
{
    [Fact]
    public async Task The_create_coordinator_command_makes_an_account_that_signs_in()
    {
        await using var host = new PropilasFactory(new HostSettings { Environment = "Production", SeedPilots = false });
        var (output, error) = (new StringWriter(), new StringWriter());

        // From standard input...
        var code = await CreateCoordinatorCommand.RunAsync(host.Services, ["create-coordinator", "--user", "ana.coordinadora"],
            new StringReader("Clave-Segura-2026\n"), output, error, _ => null);
        Assert.True(code == 0, error.ToString());
        // ... or from the environment.
        code = await CreateCoordinatorCommand.RunAsync(host.Services, ["create-coordinator", "--user", "luis"],
            new StringReader(""), output, error, name => name == CreateCoordinatorCommand.PasswordVariable ? "Otra-Clave-2026" : null);
        Assert.True(code == 0, error.ToString());

        var ana = await host.LoginAsync("ana.coordinadora", "Clave-Segura-2026");
        Assert.Equal(["coordinator"], (await ana.GetAsync("/api/auth/manage/info").ExpectAsync(HttpStatusCode.OK))
            .GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToArray());
        await (await host.LoginAsync("luis", "Otra-Clave-2026")).GetAsync("/api/districts").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(2, await host.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "account.created")));
    }

    [Theory]
    [InlineData(new[] { "create-coordinator" }, "", 2)]                                    // no --user
    [InlineData(new[] { "create-coordinator", "--user", "x", "--password", "Abc-12345" }, "Abc-12345", 2)] // never from the command line
    [InlineData(new[] { "create-coordinator", "--user", "x" }, "", 1)]                      // no password given
    [InlineData(new[] { "create-coordinator", "--user", "x" }, "short", 1)]                 // the password rules hold
    [InlineData(new[] { "create-coordinator", "--user", "coordinator" }, "Abc-12345-x", 1)] // an existing account is left alone
    public async Task The_command_refuses_what_it_should(string[] args, string input, int expected)
    {
        await using var host = new PropilasFactory(new HostSettings { SeedPilots = false });
        var error = new StringWriter();
        Assert.Equal(expected, await CreateCoordinatorCommand.RunAsync(host.Services, args, new StringReader(input), new StringWriter(), error, _ => null));
        Assert.NotEmpty(error.ToString());
        Assert.Equal(1, await host.WithDbAsync(db => db.Users.CountAsync())); // the demo coordinator only
    }

    [Fact]
    public async Task The_host_command_creates_the_coordinator_and_exits_without_serving()
    {
        var folder = Directory.CreateTempSubdirectory("propilas-command-").FullName;
        try
        {
            var dll = Path.Combine(AppContext.BaseDirectory, "Propilas.Host.dll");
            var start = new System.Diagnostics.ProcessStartInfo("dotnet", [dll, "create-coordinator", "--user", "primera"])
            {
                RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory,
            };
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            start.Environment["ConnectionStrings__Propilas"] = $"Data Source={Path.Combine(folder, "propilas.db")}";
            start.Environment["DataProtection__KeysFolder"] = Path.Combine(folder, "keys");
            using var process = System.Diagnostics.Process.Start(start)!;
            await process.StandardInput.WriteLineAsync("Clave-Primera-2026");
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(timeout.Token);
            Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}: {await stdout}\n{await stderr}");
            Assert.Contains("primera", await stdout);

            // The account is in that database, and no pilot district was seeded in Production.
            await using var host = new PropilasFactory(new HostSettings { Environment = "Production", SeedPilots = false, ExistingFolder = folder });
            await (await host.LoginAsync("primera", "Clave-Primera-2026")).GetAsync("/api/districts").ExpectAsync(HttpStatusCode.OK);
            Assert.Equal(0, await host.WithDbAsync(db => db.Districts.CountAsync()));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    [Fact]
    public void Pilots_are_seeded_only_when_asked_and_Development_asks()
    {
        bool? PilotsIn(string file) => JsonDocument.Parse(File.ReadAllText(Path.Combine(HostFolder(), file))).RootElement
            .TryGetProperty("Seed", out var seed) && seed.TryGetProperty("Pilots", out var pilots) ? pilots.GetBoolean() : null;
        Assert.False(PilotsIn("appsettings.json"));            // Production, and any environment without a file of its own
        Assert.True(PilotsIn("appsettings.Development.json")); // the README's `dotnet run` (launchSettings: Development)
    }

    [Fact]
    public async Task Production_redirects_to_HTTPS_sends_HSTS_and_keeps_the_OpenAPI_document_for_the_signed_in()
    {
        await using var host = new PropilasFactory(new HostSettings
        {
            Environment = "Production", SeedPilots = false, Configuration = new Dictionary<string, string> { ["https_port"] = "443" },
        });
        using var http = host.RawClient();
        using var redirected = await http.GetAsync("/signin");
        Assert.Equal(HttpStatusCode.TemporaryRedirect, redirected.StatusCode);
        Assert.Equal("https", redirected.Headers.Location?.Scheme);

        var https = host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://propilas.example.org"), AllowAutoRedirect = false, HandleCookies = false,
        });
        using var page = await https.GetAsync("/signin");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.StartsWith("max-age=", page.Headers.GetValues("Strict-Transport-Security").Single());
        Assert.All(page.Headers.GetValues("Set-Cookie"), c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
        // The stylesheet needs no sign-in.
        using var css = await https.GetAsync("/css/site.css");
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);

        using var anonymous = await https.GetAsync("/openapi/v1.json");
        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
        await CreateCoordinatorCommand.RunAsync(host.Services, ["create-coordinator", "--user", "ana"], new StringReader("Clave-Segura-2026"),
            TextWriter.Null, TextWriter.Null, _ => null);
        using var anonymousHttp = host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });
        var login = await anonymousHttp.PostAsJsonAsync("/api/auth/login", new { userName = "ana", password = "Clave-Segura-2026" }).ExpectAsync(HttpStatusCode.OK);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/openapi/v1.json");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", login.Str("accessToken"));
        using var document = await https.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
    }

    private static string HostFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Propilas.sln"))) return Path.Combine(dir.FullName, "Propilas.Host");
        throw new DirectoryNotFoundException("Propilas.sln");
    }
}
