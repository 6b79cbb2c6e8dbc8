using System.Diagnostics;
using System.Globalization;
using Akka.Actor;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using StandbyOps.Configuration.Checks;
using StandbyOps.Configuration.Heartbeats;
using StandbyOps.Configuration.PushRules;
using StandbyOps.Configuration.Systems;
using StandbyOps.Core.Sla;
using StandbyOps.Incidents.Signals;
using StandbyOps.Monitoring.Heartbeats;
using StandbyOps.Monitoring.Probes;
using StandbyOps.Monitoring.Signals;
using StandbyOps.Monitoring.Systems;
using StandbyOps.Storage.Database;

namespace StandbyOps.Benchmarks.Monitoring;

/// <summary>
/// Starts N system monitor actors (Akka.NET), each with one TCP check at a one-hour interval, so none runs
/// during the measurement: the time until every monitor has started and armed its check timer (its
/// <c>pending</c> status is on the board), and the heap each retains (actor, timer, probe, check state, board
/// entry; <c>GC.GetTotalMemory(true)</c> before and after, divided by N).
/// <c>dotnet run -c Release --project bench/StandbyOps.Benchmarks -- idle-monitors [monitors=100000] [rounds=2]</c>
/// </summary>
public static class IdleMonitorsDriver
{
    /// <summary>Runs the measurement and prints one line per round.</summary>
    public static async Task RunAsync(string[] args)
    {
        var monitors = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
        var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2;
        var directory = Directory.CreateTempSubdirectory("standbyops-idle-");
        var collection = new ServiceCollection();
        collection.AddSingleton<IClock>(SystemClock.Instance);
        collection.AddProbes();
        await using var provider = collection.BuildServiceProvider();
        var probes = provider.GetRequiredService<ProbeFactory>();
        var check = new CheckConfig("home", new TcpProbeConfig("127.0.0.1", 9), Duration.FromHours(1), Duration.FromSeconds(5), 3, 2, Priority.P3, true);
        var checks = new Dictionary<string, CheckConfig> { ["home"] = check };
        for (var round = 1; round <= rounds; round++)
        {
            var board = new SystemStatusBoard();
            var services = new MonitorServices(probes.Create, new NullSink(), board,
                new HeartbeatStore(new SqliteDatabase(new StoreOptions(directory.FullName))), new MonitoringMetrics(Prometheus.Metrics.NewCustomRegistry()),
                NullLoggerFactory.Instance, SystemClock.Instance);
            var targets = Enumerable.Range(0, monitors).Select(i => new MonitoredSystem("load", new SystemConfig($"sys{i}", $"system {i}", Criticality.Medium, checks,
                new Dictionary<string, HeartbeatConfig>(), new Dictionary<string, PushRuleConfig>(), new Dictionary<string, string>(), []))).ToList();
            using var system = ActorSystem.Create("idle", CheckLoadDriver.Quiet);
            SchedulerStart.Ensure(system);
            var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
            var clock = Stopwatch.StartNew();
            foreach (var target in targets)
            {
                system.ActorOf(SystemMonitor.Props(target, services), target.ActorName);
            }

            while (board.SystemCount < monitors)
            {
                await Task.Delay(10);
            }

            var started = clock.Elapsed;
            var retained = GC.GetTotalMemory(forceFullCollection: true) - heapBefore;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"round {round}: {monitors:N0} monitors started and armed in {started.TotalSeconds:F2} s; retained {retained / (double)monitors:F0} B per monitor ({retained / (1024 * 1024)} MiB)"));
            GC.KeepAlive(targets);
            await system.Terminate();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        directory.Delete(recursive: true);
    }

    private sealed class NullSink : ISignalSink
    {
        public Task FailAsync(FailureSignal signal, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task RecoverAsync(RecoverySignal signal, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<IReadOnlySet<string>> UnresolvedKeysAsync(string systemId, CancellationToken cancellationToken) => Task.FromResult<IReadOnlySet<string>>(new HashSet<string>());
    }
}
