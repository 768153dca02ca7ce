using System.Diagnostics;

using Microsoft.EntityFrameworkCore;

namespace Propilas.Host.Tests.Database;

/// <summary>
/// Two hosts on one PostgreSQL database, the second a process of its own: killed while both take writes, it loses none it
/// acknowledged, leaves nothing half-written, and the first carries on.
/// </summary>
public sealed class HostKilledTests
{
    [PostgresFact]
    public async Task A_host_killed_mid_load_loses_no_acknowledged_registration_and_the_other_carries_on()
    {
        await using var first = new PropilasFactory(new HostSettings { Provider = "Postgres", SeedPilots = false });
        var token = await first.TokenAsync("coordinator", PropilasFactory.DemoPassword);
        using var onFirst = first.ClientWithToken(token);
        using var second = StartProcessHost(first, out var secondUrl);
        using var onSecond = new HttpClient { BaseAddress = new Uri(secondUrl), Timeout = TimeSpan.FromSeconds(30) };
        onSecond.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        await WaitHealthyAsync(onSecond, second);

        var acknowledged = new System.Collections.Concurrent.ConcurrentBag<string>();
        var killed = false;
        var afterKill = 0;
        async Task Register(HttpClient client, string prefix, Func<bool> stop)
        {
            for (var i = 0; !stop(); i++)
            {
                var name = $"{prefix} {i}";
                try
                {
                    using var response = await client.PostAsJsonAsync("/api/districts", new { name, province = "Celendín" });
                    if (response.StatusCode != HttpStatusCode.Created)
                    {
                        Assert.False(client == onFirst, $"the first host answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                        continue;
                    }
                    acknowledged.Add(name);
                    if (client == onFirst && Volatile.Read(ref killed)) Interlocked.Increment(ref afterKill);
                }
                catch (HttpRequestException) when (client != onFirst) { return; } // the killed host: not acknowledged
                catch (TaskCanceledException) when (client != onFirst) { return; }
            }
        }

        var load = new List<Task>();
        for (var w = 0; w < 3; w++)
        {
            var worker = w;
            load.Add(Task.Run(() => Register(onFirst, $"Uno {worker}", () => Volatile.Read(ref afterKill) >= 10)));
            load.Add(Task.Run(() => Register(onSecond, $"Dos {worker}", () => Volatile.Read(ref killed))));
        }
        var waited = Stopwatch.StartNew();
        while (acknowledged.Count(n => n.StartsWith("Dos", StringComparison.Ordinal)) < 10 && waited.Elapsed < TimeSpan.FromSeconds(60))
            await Task.Delay(50);
        second.Kill(entireProcessTree: true); // mid-request: its workers are sending
        Volatile.Write(ref killed, true);
        await second.WaitForExitAsync();
        await Task.WhenAll(load);

        Assert.True(acknowledged.Count(n => n.StartsWith("Dos", StringComparison.Ordinal)) >= 10, "the second host took part in the load");
        Assert.True(afterKill >= 10, "the first host carried on after the second was killed");
        var districts = await first.WithDbAsync(db => db.Districts.Select(d => new { d.Name, d.Slug }).ToListAsync());
        var registered = (await first.WithDbAsync(db => db.AuditEvents.Where(e => e.Action == "district.registered").Select(e => e.Target).ToListAsync())).ToHashSet();
        var processes = (await first.WithDbAsync(db => db.WorkflowInstances.Select(i => i.Subject).ToListAsync())).ToHashSet();
        var stored = districts.Select(d => new
        {
            d.Name, Registered = registered.Contains(d.Slug.Value), Process = processes.Contains($"district:{d.Slug.Value}"),
        }).ToList();
        Assert.Empty(acknowledged.Except(stored.Select(s => s.Name)));
        Assert.All(stored, s => Assert.True(s.Registered && s.Process, $"{s.Name} half-written"));
    }

    private static System.Diagnostics.Process StartProcessHost(PropilasFactory first, out string url)
    {
        var port = FreePort();
        url = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Propilas.Host.dll")])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_URLS"] = url;
        start.Environment["Database__Provider"] = "Postgres";
        start.Environment["ConnectionStrings__Propilas"] = TestPostgres.ConnectionString(first.PostgresDatabase!);
        start.Environment["Seed__Pilots"] = "false";
        start.Environment["Seed__DemoPassword"] = PropilasFactory.DemoPassword;
        start.Environment["SignIn__PerAddressPerMinute"] = "100000";
        start.Environment["SignIn__PerAccountPerMinute"] = "100000";
        start.Environment["Notifications__PickupFolder"] = Path.Combine(first.Folder, "second-pickup");
        var process = System.Diagnostics.Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitHealthyAsync(HttpClient client, System.Diagnostics.Process process)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (process.HasExited) Assert.Fail($"the second host exited ({process.ExitCode})");
            try
            {
                using var health = await client.GetAsync("/health");
                if (health.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            await Task.Delay(250);
        }
        Assert.Fail("the second host did not become healthy in 90 s");
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
