using System.Diagnostics;
using System.Globalization;
using System.Net;
using Akka.Actor;
using Akka.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using StandbyOps.Configuration.Checks;
using StandbyOps.Configuration.Heartbeats;
using StandbyOps.Configuration.PushRules;
using StandbyOps.Configuration.Systems;
using StandbyOps.Core.Sla;
using StandbyOps.Incidents.Signals;
using StandbyOps.Metrics;
using StandbyOps.Metrics.Exposition;
using StandbyOps.Monitoring.Heartbeats;
using StandbyOps.Monitoring.Probes;
using StandbyOps.Monitoring.Signals;
using StandbyOps.Monitoring.Systems;
using StandbyOps.Storage.Database;

namespace StandbyOps.Benchmarks.Monitoring;

/// <summary>
/// Load driver (not BenchmarkDotNet: it measures a sustained rate): N systems with one HTTP check
/// each at a fixed interval against a loopback Kestrel target, on Akka.NET's scheduler and
/// dispatcher. Reports achieved checks/s, scheduling lag p50/p99, CPU and RSS.
/// <c>dotnet run -c Release --project bench/StandbyOps.Benchmarks -- load-checks [checks=10000] [intervalSeconds=10] [durationSeconds=60]</c>
/// </summary>
public static class CheckLoadDriver
{
    /// <summary>Runs the load and prints the results.</summary>
    public static async Task RunAsync(string[] args)
    {
        var checks = Arg(args, 0, 10_000);
        var interval = Duration.FromSeconds(Arg(args, 1, 10));
        var duration = TimeSpan.FromSeconds(Arg(args, 2, 60));

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        await using var target = builder.Build();
        target.MapGet("/health", () => "ok");
        await target.StartAsync();
        var url = new Uri(new Uri(target.Urls.First()), "/health");

        var services = new ServiceCollection();
        services.AddSingleton<IClock>(SystemClock.Instance);
        services.AddProbes();
        await using var provider = services.BuildServiceProvider();
        var registry = Prometheus.Metrics.NewCustomRegistry();
        var metrics = new MonitoringMetrics(registry);
        var board = new SystemStatusBoard();
        var directory = Directory.CreateTempSubdirectory("standbyops-load-");
        var monitorServices = new MonitorServices(provider.GetRequiredService<ProbeFactory>().Create, new NullSink(), board,
            new HeartbeatStore(new SqliteDatabase(new StoreOptions(directory.FullName))), metrics, NullLoggerFactory.Instance, SystemClock.Instance);

        using var system = ActorSystem.Create("load", Quiet);
        SchedulerStart.Ensure(system);
        var process = Process.GetCurrentProcess();
        var started = Stopwatch.StartNew();
        for (var i = 0; i < checks; i++)
        {
            var check = new CheckConfig("home", new HttpProbeConfig(url, "GET", [200], "ok", null, new Dictionary<string, string>()),
                interval, Duration.FromSeconds(5), 3, 2, Priority.P3, true);
            var config = new SystemConfig($"sys{i}", $"system {i}", Criticality.Medium, new Dictionary<string, CheckConfig> { ["home"] = check },
                new Dictionary<string, HeartbeatConfig>(), new Dictionary<string, PushRuleConfig>(), new Dictionary<string, string>(), []);
            system.ActorOf(SystemMonitor.Props(new MonitoredSystem("load", config), monitorServices), $"system-sys{i}");
        }

        // Warm up for one interval (every check has run once), then measure.
        await Task.Delay(interval.ToTimeSpan() + TimeSpan.FromSeconds(1));
        var before = Snapshot(await ScrapeWriter.CollectAsync(registry, CancellationToken.None));
        var measureCpu = Environment.CpuUsage.TotalTime;
        var window = Stopwatch.StartNew();
        await Task.Delay(duration);
        var seconds = window.Elapsed.TotalSeconds;
        var after = Snapshot(await ScrapeWriter.CollectAsync(registry, CancellationToken.None));
        process.Refresh();
        var cpu = (Environment.CpuUsage.TotalTime - measureCpu).TotalSeconds / seconds;

        var runs = after.Runs - before.Runs;
        var lag = Subtract(after.Lag, before.Lag);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"checks={checks} interval={interval.TotalSeconds}s measured={seconds:F1}s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"achieved checks/s: {runs / seconds:F0} (expected {checks / interval.TotalSeconds:F0}); failures {after.Failures - before.Failures}; skipped {after.Skipped - before.Skipped}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"scheduling lag p50 <= {Quantile(lag, 0.5)} s, p99 <= {Quantile(lag, 0.99)} s (histogram bucket upper bounds)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"CPU: {cpu * 100:F0}% of one core ({cpu / Environment.ProcessorCount * 100:F0}% of {Environment.ProcessorCount} cores); RSS {process.WorkingSet64 / (1024 * 1024)} MiB; start of {checks} monitors+warm-up took {(started.Elapsed - window.Elapsed).TotalSeconds:F1}s"));
        await system.Terminate();
        directory.Delete(recursive: true);
    }

    /// <summary>An actor system without Akka's own log output (the driver prints its results).</summary>
    internal static Config Quiet { get; } = ConfigurationFactory.ParseString("akka.loglevel = WARNING\nakka.log-dead-letters = off");

    private static int Arg(string[] args, int index, int fallback) =>
        args.Length > index && int.TryParse(args[index], NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    private static (double Runs, double Failures, double Skipped, SortedDictionary<double, double> Lag) Snapshot(IReadOnlyList<MetricFamily> families)
    {
        double Counter(string result) => families.Where(f => f.Name == "standbyops_check_runs_total").SelectMany(f => f.Samples)
            .Where(s => s.Labels.Get("result") == result).Sum(s => s.Value);
        var lag = new SortedDictionary<double, double>();
        foreach (var sample in families.Where(f => f.Name == "standbyops_check_schedule_lag_seconds").SelectMany(f => f.Samples).Where(s => s.Name.EndsWith("_bucket", StringComparison.Ordinal)))
        {
            var le = sample.Labels.Get("le")!;
            lag[le == "+Inf" ? double.PositiveInfinity : double.Parse(le, CultureInfo.InvariantCulture)] = sample.Value;
        }

        return (Counter("success") + Counter("failure"), Counter("failure"), Counter("skipped"), lag);
    }

    private static SortedDictionary<double, double> Subtract(SortedDictionary<double, double> after, SortedDictionary<double, double> before) =>
        new(after.ToDictionary(kv => kv.Key, kv => kv.Value - before.GetValueOrDefault(kv.Key)));

    private static string Quantile(SortedDictionary<double, double> cumulative, double q)
    {
        var total = cumulative.Count == 0 ? 0 : cumulative.Values.Last();
        foreach (var (le, count) in cumulative)
        {
            if (count >= q * total)
            {
                return le.ToString(CultureInfo.InvariantCulture);
            }
        }

        return "n/a";
    }

    private sealed class NullSink : ISignalSink
    {
        public Task FailAsync(FailureSignal signal, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task RecoverAsync(RecoverySignal signal, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<IReadOnlySet<string>> UnresolvedKeysAsync(string systemId, CancellationToken cancellationToken) => Task.FromResult<IReadOnlySet<string>>(new HashSet<string>());
    }
}
