using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using StandbyOps.Actors;
using StandbyOps.Actors.Time;
using StandbyOps.Configuration.Checks;
using StandbyOps.Configuration.Customers;
using StandbyOps.Configuration.Heartbeats;
using StandbyOps.Configuration.PushRules;
using StandbyOps.Configuration.Systems;
using StandbyOps.Incidents.Signals;
using StandbyOps.Metrics;
using StandbyOps.Monitoring.Heartbeats;
using StandbyOps.Monitoring.Probes;
using StandbyOps.Monitoring.Signals;
using StandbyOps.Monitoring.Systems;
using StandbyOps.Storage.Database;
using StandbyOps.Storage.Migrations;
using StandbyOps.Testing.Support;

namespace StandbyOps.Monitoring.Tests.Systems;

/// <summary>A system monitor on virtual time with a scripted probe, a recording sink and a real SQLite heartbeat store.</summary>
internal sealed class MonitorHarness : IAsyncDisposable
{
    public static readonly Instant Start = Instant.FromUtc(2026, 11, 24, 19, 0);
    public static readonly DateTimeZone Amsterdam = DateTimeZoneProviders.Tzdb["Europe/Amsterdam"];

    private readonly TempDirectory _directory = new();

    public MonitorHarness(IReadOnlyList<MaintenanceWindowConfig>? maintenance = null, HeartbeatConfig? heartbeat = null, IReadOnlySet<string>? unresolved = null)
    {
        Sink = new RecordingSink(unresolved ?? new HashSet<string>());
        var database = new SqliteDatabase(new StoreOptions(_directory.Path));
        new MigrationRunner(database, Time).ApplyAsync([.. Schema.Migrations, .. HeartbeatSchema.Migrations]).GetAwaiter().GetResult();
        Store = new HeartbeatStore(database);
        Services = new MonitorServices(_ => Probe, Sink, Board, Store, new MonitoringMetrics(Prometheus.Metrics.NewCustomRegistry()), NullLoggerFactory.Instance);
        System = new ActorSystem("monitor-tests", Time);
        Target = new MonitoredSystem("acme", SystemWith(Check(), maintenance ?? [], heartbeat));
    }

    public VirtualTime Time { get; } = new(Start);

    public ScriptedProbe Probe { get; } = new();

    public RecordingSink Sink { get; }

    public SystemStatusBoard Board { get; } = new();

    public HeartbeatStore Store { get; }

    public MonitorServices Services { get; }

    public ActorSystem System { get; }

    public MonitoredSystem Target { get; }

    public static CheckConfig Check(string id = "home", int intervalSeconds = 10) =>
        new(id, new TcpProbeConfig("127.0.0.1", 9), Duration.FromSeconds(intervalSeconds), Duration.FromSeconds(5), 3, 2, PriorityLevel.P2, AutoResolve: true);

    public static HeartbeatConfig Heartbeat() =>
        new("backup", "token-0123456789abcdef", Duration.FromHours(1), null, Amsterdam, Duration.FromMinutes(10), PriorityLevel.P3);

    public static SystemConfig SystemWith(CheckConfig? check, IReadOnlyList<MaintenanceWindowConfig> maintenance, HeartbeatConfig? heartbeat = null, params CheckConfig[] more) =>
        new("web", "ACME web", Criticality.High,
            (check is null ? more : [check, .. more]).ToDictionary(c => c.Id),
            heartbeat is null ? new Dictionary<string, HeartbeatConfig>() : new Dictionary<string, HeartbeatConfig> { [heartbeat.Id] = heartbeat },
            new Dictionary<string, PushRuleConfig>(),
            new Dictionary<string, string>(),
            maintenance);

    public IActorRef StartMonitor() => System.ActorOf(SystemMonitor.Props(Target, Services), Target.ActorName);

    /// <summary>Moves virtual time by one check interval and waits until that run's result was handled.</summary>
    public async Task RunOnceAsync(bool healthy, int intervalSeconds = 10, string checkId = "home")
    {
        Probe.Healthy = healthy;
        var runs = Probe.Runs;
        Time.Advance(Duration.FromSeconds(intervalSeconds));
        await Eventually.TrueAsync(() => Probe.Runs > runs && Board.For("web").Any(s => s.Id == checkId && s.LastAt == Time.Now), $"run of {checkId} at {Time.Now}");
    }

    /// <summary>Waits until the monitor's timers are armed (its start-up messages were handled).</summary>
    public void WaitForTimers(int count) => Assert.True(Time.WaitForPending(count, TimeSpan.FromSeconds(10)), $"{count} timers were not armed");

    public async ValueTask DisposeAsync()
    {
        await System.ShutdownAsync(Duration.FromSeconds(5));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }
}

internal sealed class ScriptedProbe : IProbe
{
    private int _runs;

    public volatile bool Healthy = true;

    public int Runs => Volatile.Read(ref _runs);

    public Task<ProbeResult> RunAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _runs);
        return Task.FromResult(Healthy ? ProbeResult.Passed(TimeSpan.FromMilliseconds(12), "connected") : ProbeResult.Failed(TimeSpan.FromMilliseconds(3), "connection refused"));
    }
}

internal sealed class RecordingSink(IReadOnlySet<string> unresolved) : ISignalSink
{
    public ConcurrentQueue<object> Signals { get; } = new();

    public IEnumerable<FailureSignal> Failures => Signals.OfType<FailureSignal>();

    public IEnumerable<RecoverySignal> Recoveries => Signals.OfType<RecoverySignal>();

    public Task FailAsync(FailureSignal signal, CancellationToken cancellationToken)
    {
        Signals.Enqueue(signal);
        return Task.CompletedTask;
    }

    public Task RecoverAsync(RecoverySignal signal, CancellationToken cancellationToken)
    {
        Signals.Enqueue(signal);
        return Task.CompletedTask;
    }

    public Task<IReadOnlySet<string>> UnresolvedKeysAsync(string systemId, CancellationToken cancellationToken) => Task.FromResult(unresolved);
}

internal static class Eventually
{
    /// <summary>Waits for an asynchronous effect (actor processing) to become visible; fails after 10 s.</summary>
    public static async Task TrueAsync(Func<bool> condition, string what)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            if (timeout.IsCancellationRequested)
            {
                Assert.Fail($"Timed out waiting for: {what}");
            }

            await Task.Yield();
            await Task.Delay(5, CancellationToken.None);
        }
    }
}
