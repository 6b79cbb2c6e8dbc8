using Akka.Actor;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using NodaTime.Testing;
using StandbyOps.Configuration;
using StandbyOps.Incidents.Signals;
using StandbyOps.Monitoring.Heartbeats;
using StandbyOps.Monitoring.Probes;
using StandbyOps.Monitoring.Signals;
using StandbyOps.Monitoring.Systems;
using StandbyOps.Server.Hosting;
using StandbyOps.Storage.Database;
using StandbyOps.Testing.Support;

namespace StandbyOps.IntegrationTests.Hosting;

/// <summary>
/// The actor system as the server hosts it (Akka.Hosting's <c>AddAkka</c>, the monitor supervisor in the
/// <c>ActorRegistry</c>, <see cref="ActorSystemService"/>): stopping the host — what SIGTERM does — runs
/// Akka's CoordinatedShutdown, whose drain task lets every monitor finish the messages queued to it.
/// </summary>
public sealed class CoordinatedShutdownDrainTests
{
    private const string Yaml = """
        calendars:
          nl: { timeZone: Europe/Amsterdam, hours: { mon-fri: "08:30-17:00" }, holidays: [NL] }
        rateCards:
          std: { currency: EUR, hourlyRate: 100, vatPercent: 21 }
        customers:
          acme:
            calendar: nl
            rateCard: std
            systems:
              web:
                criticality: high
                checks:
                  home: { tcp: { host: 127.0.0.1, port: 9 }, interval: 1h, timeout: 5s }
        """;

    [Fact]
    public async Task Stopping_the_host_drains_the_monitors_mailboxes_before_the_actor_system_terminates()
    {
        using var directory = new TempDirectory();
        var config = ConfigLoader.Load(Yaml, "standbyops.yaml", _ => null).GetConfigOrThrow();
        var sink = new GatedSink();
        var board = new SystemStatusBoard();
        var services = new MonitorServices(_ => new IdleProbe(), sink, board, new HeartbeatStore(new SqliteDatabase(new StoreOptions(directory.Path))),
            new MonitoringMetrics(Prometheus.Metrics.NewCustomRegistry()), NullLoggerFactory.Instance, new FakeClock(Instant.FromUtc(2026, 11, 24, 19, 0)));
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<RuntimeState>();
        builder.Services.AddSingleton<DeadLetterLog>();
        builder.Services.AddAkka("drain-test", akka => akka.WithActors((system, registry) =>
            registry.Register<MonitorSupervisor>(system.ActorOf(MonitorSupervisor.Props(config, services), "monitors"))));
        builder.Services.AddHostedService<ActorSystemService>();
        using var host = builder.Build();
        await host.StartAsync();
        var runtime = host.Services.GetRequiredService<RuntimeState>();
        var system = host.Services.GetRequiredService<ActorSystem>();
        var monitors = await host.Services.GetRequiredService<IRequiredActor<MonitorSupervisor>>().GetAsync();
        Assert.True(runtime.ActorsRunning);

        // The monitor is busy with its first message (reading its unresolved incidents, held by the sink), so the
        // reload waits in its mailbox when the shutdown starts.
        await sink.Asked.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var target = MonitorSupervisor.SystemsOf(config).Single();
        var withApi = target.System with { Checks = new Dictionary<string, StandbyOps.Configuration.Checks.CheckConfig>(target.System.Checks) { ["api"] = target.System.Checks["home"] with { Id = "api" } } };
        monitors.Tell(new MonitorEnvelope("web", new Reconfigure(target with { System = withApi })));
        var stopping = host.StopAsync();
        sink.Release.SetResult(new HashSet<string>());
        await stopping.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Contains(board.For("web"), s => s.Id == "api");
        Assert.False(runtime.ActorsRunning);
        await system.WhenTerminated.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(0, host.Services.GetRequiredService<DeadLetterLog>().Count);
    }

    private sealed class GatedSink : ISignalSink
    {
        public TaskCompletionSource Asked { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource<IReadOnlySet<string>> Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task FailAsync(FailureSignal signal, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task RecoverAsync(RecoverySignal signal, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<IReadOnlySet<string>> UnresolvedKeysAsync(string systemId, CancellationToken cancellationToken)
        {
            Asked.TrySetResult();
            return Release.Task;
        }
    }

    private sealed class IdleProbe : IProbe
    {
        public Task<ProbeResult> RunAsync(CancellationToken cancellationToken) => Task.FromResult(ProbeResult.Passed(TimeSpan.Zero, "idle"));
    }
}
