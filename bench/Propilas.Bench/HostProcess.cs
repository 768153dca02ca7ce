using System.Diagnostics;

namespace Propilas.Bench;

/// <summary>
/// The real host, built in Release, started as its own process on loopback with a fresh SQLite file. Its output is shown
/// when it reports a failure; with BENCH_HOST_LOG=1, all of it (e.g. with Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command=Information).
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    public string Folder { get; }
    public Uri BaseAddress { get; }

    private HostProcess(Process process, string folder, Uri baseAddress)
    {
        _process = process;
        Folder = folder;
        BaseAddress = baseAddress;
    }

    public static async Task<HostProcess> StartAsync(string hostDll, string password, int port, IDictionary<string, string>? extra = null)
    {
        var folder = Directory.CreateTempSubdirectory("propilas-bench-").FullName;
        var url = new Uri($"http://127.0.0.1:{port}");
        var info = new ProcessStartInfo("dotnet", [hostDll, "--urls", url.ToString()])
        {
            WorkingDirectory = Path.GetDirectoryName(hostDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["ConnectionStrings__Propilas"] = $"Data Source={Path.Combine(folder, "bench.db")}";
        info.Environment["DataProtection__KeysFolder"] = Path.Combine(folder, "keys");
        info.Environment["Seed__DemoPassword"] = password;
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (k, v) in extra ?? new Dictionary<string, string>()) info.Environment[k] = v;
        var process = Process.Start(info)!;
        var showAll = Environment.GetEnvironmentVariable("BENCH_HOST_LOG") == "1";
        process.OutputDataReceived += (_, e) => { if (e.Data is { Length: > 0 } line && (showAll || line.Contains("fail"))) Console.Error.WriteLine($"host: {line}"); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 } line) Console.Error.WriteLine($"host: {line}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var probe = new HttpClient { BaseAddress = url };
        for (var i = 0; i < 120; i++)
        {
            if (process.HasExited) throw new InvalidOperationException($"The host exited with code {process.ExitCode}.");
            try
            {
                if ((await probe.GetAsync("/health")).IsSuccessStatusCode) return new HostProcess(process, folder, url);
            }
            catch (HttpRequestException) { }
            await Task.Delay(500);
        }
        process.Kill(true);
        throw new TimeoutException("The host did not answer /health within 60 s.");
    }

    /// <summary>CPU time the host has used since it started, all threads.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(true);
            await _process.WaitForExitAsync();
        }
        try { Directory.Delete(Folder, true); } catch (IOException) { }
    }
}
