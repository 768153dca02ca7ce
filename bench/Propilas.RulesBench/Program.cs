// The rules' full pass at national scale: 1,891 districts (Peru's count) and 30,000 water boards (above its
// ~25,500 JASS) with their visits, invitations, commitments and obligations, in a real SQLite file behind the
// real host's services. Times (1) the full pass: load facts, evaluate every rule, write alert changes; and
// (2) the re-evaluation of one district after one change, as the API runs it before answering.
//   dotnet run -c Release --project bench/Propilas.RulesBench -- [--districts 1891] [--boards 30000] [--runs 5]
// With --mode digest: ~10,000 people get the full pass's alerts in the outbox, and the daily digest is run twice (DigestBench).
using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Propilas.Host.Alerts;
using Propilas.Host.Database;
using Propilas.Bench;

namespace Propilas.RulesBench;

/// <summary>Not top-level statements: their implicit <c>Program</c> would shadow the host's, which the factory starts.</summary>
public static class RulesBenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        var options = Args.Parse(args);
        var districtCount = options.Int("districts", 1891);
        var boardCount = options.Int("boards", 30000);
        var runs = options.Int("runs", 5);
        var folder = Directory.CreateTempSubdirectory("propilas-rules-bench-").FullName;

        Console.WriteLine($"# Rules full pass: {districtCount} districts, {boardCount} water boards");
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");
        await using var host = new WebApplicationFactory<global::Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.UseSetting("ConnectionStrings:Propilas", $"Data Source={Path.Combine(folder, "bench.db")}");
            b.UseSetting("DataProtection:KeysFolder", Path.Combine(folder, "keys"));
            b.UseSetting("Seed:Pilots", "false");
            b.UseSetting("Alerts:RunServer", "false");
            b.UseSetting("Logging:LogLevel:Default", "Warning");
    b.UseSetting("Logging:LogLevel:Propilas.Host.Alerts.AlertReconciler", "Information"); // each pass's phases
        });
        _ = host.Services; // starts the host: migrations, definitions, rules compiled

        var generate = Stopwatch.StartNew();
        var districtIds = await Portfolio.GenerateAsync(host.Services, districtCount, boardCount);
        Console.WriteLine($"generated the portfolio in {generate.Elapsed.TotalSeconds:F1} s");
        if (options.String("mode", "rules") == "digest")
        {
            await DigestBench.RunAsync(host.Services, districtIds);
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, true); } catch (IOException) { }
            return 0;
        }

        async Task<(AlertChanges Changes, double Ms)> FullPassAsync()
        {
            await using var scope = host.Services.CreateAsyncScope();
            var reconciler = scope.ServiceProvider.GetRequiredService<AlertReconciler>();
            var watch = Stopwatch.StartNew();
            var changes = await reconciler.RunAllAsync(CancellationToken.None);
            return (changes, watch.Elapsed.TotalMilliseconds);
        }

        var first = await FullPassAsync();
        Console.WriteLine($"full pass, first (raises every alert): {first.Ms,8:F0} ms  ({first.Changes.Raised} raised)");
        var steady = new List<double>();
        for (var i = 0; i < runs; i++) steady.Add((await FullPassAsync()).Ms);
        Console.WriteLine($"full pass, nothing changed ({runs} runs):  median {Median(steady),6:F0} ms  min {steady.Min(),6:F0} ms  max {steady.Max(),6:F0} ms");
        var churn = new List<(double Ms, AlertChanges Changes)>();
        for (var i = 0; i < runs; i++)
        {
            await Portfolio.VisitSomeBoardsAsync(host.Services, share: 0.02, seed: i);
            var pass = await FullPassAsync();
            churn.Add((pass.Ms, pass.Changes));
        }
        Console.WriteLine($"full pass after 2 % of boards visited ({runs} runs): median {Median(churn.Select(c => c.Ms).ToList()),6:F0} ms  max {churn.Max(c => c.Ms),6:F0} ms  (~{churn.Average(c => c.Changes.Total):F0} alert changes each)");

        // One district after one change: a visit recorded, then what the API runs before answering.
        var random = new Random(7);
        var single = new List<double>();
        var reconcileOnly = new List<double>();
        for (var i = 0; i < 300; i++)
        {
            var districtId = districtIds[random.Next(districtIds.Count)];
            await Portfolio.VisitOneBoardAsync(host.Services, districtId, random);
            await using var scope = host.Services.CreateAsyncScope();
            var watch = Stopwatch.StartNew();
            await scope.ServiceProvider.GetRequiredService<DistrictChanges>().AfterChangeAsync(districtId, DistrictArea.WaterBoards, CancellationToken.None);
            single.Add(watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            await scope.ServiceProvider.GetRequiredService<AlertReconciler>().ReevaluateDistrictAsync(districtId, CancellationToken.None);
            reconcileOnly.Add(watch.Elapsed.TotalMilliseconds);
        }
        single = single.Skip(20).Order().ToList(); // the first calls compile queries
        reconcileOnly = reconcileOnly.Skip(20).Order().ToList();
        Console.WriteLine($"one district after a visit (what the API runs: the water-board rules, {single.Count} runs): p50 {P(single, 50),5:F2} ms  p95 {P(single, 95),5:F2} ms  p99 {P(single, 99),5:F2} ms");
        Console.WriteLine($"one district, every alert source ({reconcileOnly.Count} runs):                          p50 {P(reconcileOnly, 50),5:F2} ms  p95 {P(reconcileOnly, 95),5:F2} ms  p99 {P(reconcileOnly, 99),5:F2} ms");

        SqliteConnection.ClearAllPools();
        try { Directory.Delete(folder, true); } catch (IOException) { }
        return 0;
    }

    private static double Median(List<double> values) => P(values.Order().ToList(), 50);

    private static double P(List<double> sorted, double p) => Load.Percentile(sorted, p);

}
