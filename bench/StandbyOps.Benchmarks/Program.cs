using BenchmarkDotNet.Running;
using StandbyOps.Benchmarks.Actors;
using StandbyOps.Benchmarks.Metrics;
using StandbyOps.Benchmarks.Monitoring;
using StandbyOps.Benchmarks.Paging;

namespace StandbyOps.Benchmarks;

/// <summary>BenchmarkDotNet suites (<c>--filter</c>), plus sustained-load drivers selected by their first argument.</summary>
public static class Program
{
    /// <summary>Entry point.</summary>
    public static async Task Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "load-checks")
        {
            await CheckLoadDriver.RunAsync(args[1..]);
            return;
        }

        if (args.Length > 0 && args[0] == "idle-monitors")
        {
            await IdleMonitorsDriver.RunAsync(args[1..]);
            return;
        }

        if (args.Length > 0 && args[0] == "actors")
        {
            await ActorComparisonDriver.RunAsync(args[1..]);
            return;
        }

        if (args.Length > 0 && args[0] == "scrape-memory")
        {
            await ScrapeMemoryDriver.RunAsync(args[1..]);
            return;
        }

        if (args.Length > 0 && args[0] == "history-size")
        {
            await History.HistorySizeDriver.RunAsync(args[1..]);
            return;
        }

        if (args.Length > 0 && args[0] == "cluster-checks")
        {
            await Cluster.ClusterChecksDriver.RunAsync(args[1..]);
            return;
        }

        if (args.Length > 0 && args[0] == "paging-latency")
        {
            await PagingLatencyDriver.RunAsync(args[1..]);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
