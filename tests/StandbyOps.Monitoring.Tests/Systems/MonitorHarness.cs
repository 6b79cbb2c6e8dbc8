using System.Collections.Concurrent;
using Akka.Actor;
using Akka.TestKit;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using NodaTime.Testing;
using StandbyOps.Configuration.Checks;
using StandbyOps.Configuration.Heartbeats;
using StandbyOps.Configuration.PushRules;
using StandbyOps.Configuration.Systems;
using StandbyOps.Core.Sla;
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

/// <summary>
/// A system monitor on virtual time (Akka's <see cref="TestScheduler"/> for its timers and NodaTime's
/// <see cref="FakeClock"/> for the domain's instants, advanced together) with a scripted probe, a recording sink
/// and a real SQLite heartbeat store. The actor system is the test class's (Akka.TestKit).
/// </summary>
internal sealed class MonitorHarness : IAsyncDisposable
{
    /// <summary>The test actor system's configuration: timers on the test scheduler.</summary>
    public const string Config = "akka.scheduler.implementation = \"Akka.TestKit.TestScheduler, Akka.TestKit\"";

    public static readonly Instant Start = Instant.FromUtc(2026, 11, 24, 19, 0);
    public static readonly DateTimeZone Amsterdam = DateTimeZoneProviders.Tzdb["Europe/Amsterdam"];

    private readonly TempDirectory _directory = new();

    public MonitorHarness(ActorSystem system, IReadOnlyList<MaintenanceWindowConfig>? maintenance = null, HeartbeatConfig? heartbeat = null, IReadOnlySet<string>? unresolved = null)
    {
        System = system;
        Scheduler = (TestScheduler)system.Scheduler;
        Sink = new RecordingSink(unresolved ?? new HashSet<string>());
        var database = new SqliteDatabase(new StoreOptions(_directory.Path));
        new MigrationRunner(database, Clock).ApplyAsync([.. Schema.Migrations, .. HeartbeatSchema.Migrations]).GetAwaiter().GetResult();
        Store = new HeartbeatStore(database);
        Services = new MonitorServices(_ => Probe, Sink, Board, Store, new MonitoringMetrics(Prometheus.Metrics.NewCustomRegistry()), NullLoggerFactory.Instance, Clock);
        Target = new MonitoredSystem("acme", SystemWith(Check(), maintenance ?? [], heartbeat));
    }

    public FakeClock Clock { get; } = new(Start);

    public TestScheduler Scheduler { get; }

    public Instant Now => Clock.GetCurrentInstant();

    public ScriptedProbe Probe { get; } = new();

    public RecordingSink Sink { get; }

    public SystemStatusBoard Board { get; } = new();

    public HeartbeatStore Store { get; }

    public MonitorServices Services { get; }

    public ActorSystem System { get; }

    public MonitoredSystem Target { get; }

    /// <summary>Moves the domain clock and the actors' timers forward together.</summary>
    public void Advance(Duration by)
    {
        Clock.Advance(by);
        Scheduler.Advance(by.ToTimeSpan());
    }

    public static CheckConfig Check(string id = "home", int intervalSeconds = 10) =>
        new(id, new TcpProbeConfig("127.0.0.1", 9), Duration.FromSeconds(intervalSeconds), Duration.FromSeconds(5), 3, 2, Priority.P2, AutoResolve: true);

    public static HeartbeatConfig Heartbeat() =>
        new("backup", "token-0123456789abcdef", Duration.FromHours(1), null, Amsterdam, Duration.FromMinutes(10), Priority.P3);

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
        Advance(Duration.FromSeconds(intervalSeconds));
        await Eventually.TrueAsync(() => Probe.Runs > runs && Board.For("web").Any(s => s.Id == checkId && s.LastAt == Now), $"run of {checkId} at {Now}");
    }

    /// <summary>
    /// Waits until the monitor has armed its timers: each check and heartbeat is published on the board right
    /// after its timer was started (in the actor's handler), so seeing <paramref name="count"/> entries means they exist.
    /// </summary>
    public Task WaitForTimersAsync(int count) => Eventually.TrueAsync(() => Board.For("web").Count >= count, $"{count} timers armed");

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Dispose();
        return ValueTask.CompletedTask;
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

    /// <summary>How many recoveries still to refuse (as a desk whose store is failing would).</summary>
    public int RecoveriesToRefuse;

    /// <summary>Recoveries refused so far.</summary>
    public int RefusedRecoveries;

    public Task RecoverAsync(RecoverySignal signal, CancellationToken cancellationToken)
    {
        if (Interlocked.Decrement(ref RecoveriesToRefuse) >= 0)
        {
            Interlocked.Increment(ref RefusedRecoveries);
            throw new IOException("disk I/O error");
        }

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
