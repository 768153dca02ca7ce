using System.Collections.Concurrent;
using System.Diagnostics;

namespace Propilas.Bench;

/// <summary>Runs operations with a fixed number of concurrent workers and reports throughput and latency percentiles.</summary>
public static class Load
{
    /// <param name="HostCpuMs">CPU time the host process spent during the run (all its threads), in ms.</param>
    /// <param name="ClientCpuMs">CPU time this load generator spent during the run, in ms: it shares the machine with the host.</param>
    /// <param name="MachineLoopMs">Wall time of <see cref="MachineLoop"/> just before the run (0 when not taken).</param>
    public sealed record Report(string Name, int Count, int Failures, double Seconds, double[] SortedMs, double HostCpuMs, double ClientCpuMs,
        double MachineLoopMs = 0)
    {
        public double PerSecond => Count / Seconds;

        public double Percentile(double p) => Load.Percentile(SortedMs, p);

        public override string ToString() =>
            $"{Name,-40} {Count,6} ops {Failures,4} failed  {PerSecond,6:F0} ops/s  p50 {Percentile(50),6:F1} ms  p95 {Percentile(95),6:F1} ms  p99 {Percentile(99),6:F1} ms  max {SortedMs.LastOrDefault(),6:F1} ms  host CPU {HostCpuMs / Count,5:F2} ms/op  client CPU {ClientCpuMs / Count,5:F2} ms/op{(MachineLoopMs > 0 ? $"  machine loop {MachineLoopMs,4:F0} ms" : "")}";
    }

    /// <summary>The nearest-rank percentile of ascending values (0 when there are none).</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p / 100 * sorted.Count) - 1)];

    /// <summary>The host's CPU time so far; set once the host runs.</summary>
    public static Func<TimeSpan> HostCpu { get; set; } = () => TimeSpan.Zero;

    private static TimeSpan ClientCpu()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    /// <summary>
    /// Times a fixed single-threaded loop (the README gives the times seen). The machine is shared and its speed drifts
    /// by up to a third within an hour; the time of the same loop before each run says how busy it was.
    /// </summary>
    public static double MachineLoop()
    {
        var watch = Stopwatch.StartNew();
        ulong x = 88172645463325252UL, sum = 0;
        for (var i = 0; i < 60_000_000; i++)
        {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            sum += x & 0xff;
        }
        _loopSink = sum; // so the loop is not dropped
        return watch.Elapsed.TotalMilliseconds;
    }

    private static ulong _loopSink;

    public static async Task<Report> RunAsync<T>(string name, IReadOnlyList<T> items, int concurrency, Func<T, Task<bool>> operation)
    {
        var machineLoop = MachineLoop();
        Console.Error.WriteLine($"{name}: {items.Count} operations...");
        var latencies = new ConcurrentBag<double>();
        var failures = 0;
        var next = -1;
        var cpuBefore = HostCpu();
        var clientBefore = ClientCpu();
        var total = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < items.Count)
            {
                var watch = Stopwatch.StartNew();
                var ok = await operation(items[i]);
                latencies.Add(watch.Elapsed.TotalMilliseconds);
                if (!ok) Interlocked.Increment(ref failures);
            }
        });
        await Task.WhenAll(workers);
        total.Stop();
        return new Report(name, items.Count, failures, total.Elapsed.TotalSeconds, latencies.Order().ToArray(), (HostCpu() - cpuBefore).TotalMilliseconds,
            (ClientCpu() - clientBefore).TotalMilliseconds, machineLoop);
    }
}
