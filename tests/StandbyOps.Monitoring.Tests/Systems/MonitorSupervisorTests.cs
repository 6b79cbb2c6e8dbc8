using Akka.Actor;
using Akka.Event;
using Akka.TestKit.Xunit2;
using NodaTime;
using StandbyOps.Configuration;
using StandbyOps.Monitoring.Systems;

namespace StandbyOps.Monitoring.Tests.Systems;

public sealed class MonitorSupervisorTests() : TestKit(MonitorHarness.Config)
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
                  home: { tcp: { host: 127.0.0.1, port: 9 }, interval: 10s, timeout: 5s }
              db:
                criticality: high
                checks:
                  ping: { tcp: { host: 127.0.0.1, port: 9 }, interval: 10s, timeout: 5s }
        """;

    private static StandbyOpsConfig Config(string yaml = Yaml) => ConfigLoader.Load(yaml, "standbyops.yaml", _ => null).GetConfigOrThrow();

    private async Task<IActorRef> StartedAsync(MonitorHarness harness, MonitorServices? services = null)
    {
        var supervisor = Sys.ActorOf(MonitorSupervisor.Props(Config(), services ?? harness.Services), "monitors");
        await Eventually.TrueAsync(() => harness.Board.For("web").Count == 1 && harness.Board.For("db").Count == 1, "both monitors started");
        return supervisor;
    }

    [Fact]
    public async Task An_envelope_reaches_the_monitor_of_its_system_only()
    {
        await using var harness = new MonitorHarness(Sys);
        var supervisor = await StartedAsync(harness);

        supervisor.Tell(new MonitorEnvelope("db", new RunCheck("ping")));

        await Eventually.TrueAsync(() => harness.Board.For("db").Single().LastAt == harness.Now, "db's check ran");
        Assert.Equal(1, harness.Probe.Runs);
        Assert.Equal("pending", harness.Board.For("web").Single().State);
    }

    [Fact]
    public async Task An_envelope_for_an_unknown_system_is_unhandled_and_published_as_such()
    {
        await using var harness = new MonitorHarness(Sys);
        var supervisor = await StartedAsync(harness);
        var unhandled = CreateTestProbe();
        Sys.EventStream.Subscribe(unhandled.Ref, typeof(UnhandledMessage));

        supervisor.Tell(new MonitorEnvelope("nope", new RunCheck("ping")));

        var message = await unhandled.ExpectMsgAsync<UnhandledMessage>();
        Assert.Equal(new MonitorEnvelope("nope", new RunCheck("ping")), message.Message);
    }

    [Fact]
    public async Task A_reload_that_drops_a_system_stops_its_monitor_and_clears_its_board()
    {
        await using var harness = new MonitorHarness(Sys);
        var supervisor = await StartedAsync(harness);
        var db = await Sys.ActorSelection("/user/monitors/system-db").ResolveOne(TimeSpan.FromSeconds(3));
        Watch(db);

        supervisor.Tell(new ApplyConfiguration(Config(Yaml[..Yaml.IndexOf("      db:", StringComparison.Ordinal)])));

        await ExpectTerminatedAsync(db);
        Assert.Empty(harness.Board.For("db"));
        Assert.Single(harness.Board.For("web"));
    }

    [Fact]
    public async Task A_monitor_that_fails_with_an_io_error_is_restarted_and_keeps_monitoring()
    {
        await using var harness = new MonitorHarness(Sys);
        var fail = 0;
        var services = harness.Services with
        {
            CreateProbe = _ => Interlocked.Exchange(ref fail, 0) == 1 ? throw new IOException("probe set-up failed") : harness.Probe,
        };
        var supervisor = await StartedAsync(harness, services);
        var web = await Sys.ActorSelection("/user/monitors/system-web").ResolveOne(TimeSpan.FromSeconds(3));
        Watch(web);
        supervisor.Tell(new MonitorEnvelope("web", new RunCheck("home")));
        await Eventually.TrueAsync(() => harness.Board.For("web").Single().LastAt == harness.Now, "first run");

        // The reload builds a probe for the changed check; that throws inside the monitor's handler.
        Volatile.Write(ref fail, 1);
        var changed = MonitorHarness.SystemWith(MonitorHarness.Check(intervalSeconds: 20), []);
        supervisor.Tell(new MonitorEnvelope("web", new Reconfigure(harness.Target with { System = changed })));

        // Restarted (not stopped): the same actor runs again from its start, with a fresh check state.
        await Eventually.TrueAsync(() => harness.Board.For("web") is [{ LastAt: null, State: "pending" }], "restarted");
        supervisor.Tell(new MonitorEnvelope("web", new RunCheck("home")));
        await Eventually.TrueAsync(() => harness.Board.For("web").Single().LastAt == harness.Now, "the restarted monitor runs its check");
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void The_strategy_stops_what_cannot_be_built_and_restarts_on_transient_failures()
    {
        var strategy = (OneForOneStrategy)MonitorSupervisor.Strategy();

        Assert.Equal(Directive.Stop, strategy.Decider.Decide(new ActorInitializationException("constructor threw")));
        Assert.Equal(Directive.Stop, strategy.Decider.Decide(new ArgumentException("bad check")));
        Assert.Equal(Directive.Restart, strategy.Decider.Decide(new IOException("disk I/O error")));
        Assert.Equal(Directive.Restart, strategy.Decider.Decide(new TimeoutException()));
        Assert.Equal(Directive.Restart, strategy.Decider.Decide(new InvalidOperationException()));
        Assert.Equal(10, strategy.MaxNumberOfRetries);
    }

    [Fact]
    public async Task Draining_handles_every_message_queued_before_it_then_stops_the_monitors_and_the_supervisor()
    {
        await using var harness = new MonitorHarness(Sys);
        var supervisor = await StartedAsync(harness);
        var reloaded = harness.Target with { System = MonitorHarness.SystemWith(MonitorHarness.Check(), [], null, MonitorHarness.Check("api", intervalSeconds: 60)) };

        supervisor.Tell(new MonitorEnvelope("web", new Reconfigure(reloaded)));
        var drained = await supervisor.GracefulStop(TimeSpan.FromSeconds(10), new DrainMonitors());

        Assert.True(drained);
        Assert.Contains(harness.Board.For("web"), s => s.Id == "api");
        var gone = await Sys.ActorSelection("/user/monitors/*").Ask<ActorIdentity>(new Identify(1), TimeSpan.FromSeconds(3)).ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : null);
        Assert.Null(gone?.Subject);
    }

    [Fact]
    public void The_extractor_addresses_monitors_by_system_id_on_stable_shards()
    {
        var extractor = new MonitorMessageExtractor(maxNumberOfShards: 30);
        var envelope = new MonitorEnvelope("web", new RunCheck("home"));

        Assert.Equal("web", extractor.EntityId(envelope));
        Assert.Equal(new RunCheck("home"), extractor.EntityMessage(envelope));
        Assert.Null(extractor.EntityId(new RunCheck("home")));
        Assert.Equal(extractor.ShardIdOf("web"), extractor.ShardId("web", envelope));
        // FNV-1a of "web" modulo 30 (computed independently): the same on every node and every run.
        Assert.Equal("25", extractor.ShardIdOf("web"));
        var shards = Enumerable.Range(0, 1000).Select(i => int.Parse(extractor.ShardIdOf($"sys{i}"), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.All(shards, s => Assert.InRange(s, 0, 29));
        Assert.True(shards.Distinct().Count() > 25, "1,000 systems spread over the shards");
    }
}
