using Akka.Actor;
using Akka.TestKit.Xunit2;
using NodaTime;
using StandbyOps.Configuration.Systems;
using StandbyOps.Core.Sla;
using StandbyOps.Incidents.Signals;
using StandbyOps.Monitoring.Heartbeats;
using StandbyOps.Monitoring.Systems;

namespace StandbyOps.Monitoring.Tests.Systems;

public sealed class SystemMonitorTests() : TestKit(MonitorHarness.Config)
{
    private static async Task StartedAsync(MonitorHarness harness, int timers = 1)
    {
        harness.StartMonitor();
        await harness.WaitForTimersAsync(timers);
        // Move past the stable start-up jitter (< one interval) so the next advances line up with runs.
        harness.Probe.Healthy = true;
        var offset = CheckDefinitions.InitialDelay("web", "home", Duration.FromSeconds(10));
        harness.Advance(offset);
        await Eventually.TrueAsync(() => harness.Probe.Runs == 1 && harness.Board.For("web").Any(s => s.Id == "home" && s.LastAt == harness.Now), "first run");
    }

    [Fact]
    public async Task A_check_failing_three_times_sends_exactly_one_failure_signal()
    {
        await using var harness = new MonitorHarness(Sys);
        await StartedAsync(harness);

        await harness.RunOnceAsync(healthy: false);
        await harness.RunOnceAsync(healthy: false);
        Assert.Empty(harness.Sink.Signals);
        await harness.RunOnceAsync(healthy: false);
        await harness.RunOnceAsync(healthy: false);

        var failure = Assert.Single(harness.Sink.Failures);
        Assert.Equal("web/home", failure.DedupKey);
        Assert.Equal(SignalSource.Check, failure.Source);
        Assert.Equal(Priority.P2, failure.Priority);
        Assert.Equal("acme", failure.Customer);
        Assert.Equal("connection refused", failure.Reason);
        Assert.Equal("down", harness.Board.For("web").Single().State);
    }

    [Fact]
    public async Task A_check_keeps_to_the_slots_of_its_interval_when_time_moves_in_uneven_steps()
    {
        await using var harness = new MonitorHarness(Sys);
        await StartedAsync(harness);
        var first = harness.Now;

        // Steps of 7 s against a 10-s interval: a timer re-armed from the step that fired it would run at
        // +14, +28, +42 … (5 runs in 70 s); kept to its slots it runs at +10, +20 … +70 (7 runs).
        for (var step = 1; step <= 10; step++)
        {
            harness.Advance(Duration.FromSeconds(7));
            var expected = 1 + (int)((harness.Now - first).TotalSeconds / 10);
            await Eventually.TrueAsync(() => harness.Probe.Runs == expected, $"{expected} runs after {step * 7} s");
        }

        Assert.Equal(8, harness.Probe.Runs);
    }

    [Fact]
    public async Task A_check_that_stays_down_is_signalled_again_after_the_repeat_interval()
    {
        await using var harness = new MonitorHarness(Sys);
        await StartedAsync(harness);
        for (var i = 0; i < 3; i++)
        {
            await harness.RunOnceAsync(healthy: false);
        }

        for (var i = 0; i < 30; i++)
        {
            await harness.RunOnceAsync(healthy: false);
        }

        // The repeat comes from the last run, whose result is on the board just before its signal is sent.
        await Eventually.TrueAsync(() => harness.Sink.Failures.Count() == 2, "the repeated failure signal");
        Assert.Equal(2, harness.Sink.Failures.Count());
    }

    [Fact]
    public async Task A_down_check_recovers_after_two_successes_with_one_recovery_signal()
    {
        await using var harness = new MonitorHarness(Sys);
        await StartedAsync(harness);
        for (var i = 0; i < 3; i++)
        {
            await harness.RunOnceAsync(healthy: false);
        }

        await harness.RunOnceAsync(healthy: true);
        Assert.Empty(harness.Sink.Recoveries);
        await harness.RunOnceAsync(healthy: true);
        await harness.RunOnceAsync(healthy: true);

        var recovery = Assert.Single(harness.Sink.Recoveries);
        Assert.Equal("web/home", recovery.DedupKey);
        Assert.Equal("up", harness.Board.For("web").Single().State);
    }

    [Fact]
    public async Task Failures_inside_a_maintenance_window_open_no_incident_until_it_ends()
    {
        // Tue 24 Nov 2026 19:00Z = 20:00 Amsterdam; the window runs 20:00-20:02 local.
        var window = new OneOffMaintenanceConfig(new LocalDateTime(2026, 11, 24, 20, 0), new LocalDateTime(2026, 11, 24, 20, 2), MonitorHarness.Amsterdam);
        await using var harness = new MonitorHarness(Sys, maintenance: [window]);
        await StartedAsync(harness);

        for (var i = 0; i < 5; i++)
        {
            await harness.RunOnceAsync(healthy: false);
        }

        Assert.Empty(harness.Sink.Signals);
        Assert.Equal("maintenance", harness.Board.For("web").Single().State);

        while (harness.Now < MonitorHarness.Start + Duration.FromMinutes(2))
        {
            await harness.RunOnceAsync(healthy: false);
        }

        await Eventually.TrueAsync(() => harness.Sink.Failures.Any(), "the failure signal after the window");
        Assert.Single(harness.Sink.Failures);
        Assert.Equal("down", harness.Board.For("web").Single().State);
    }

    [Fact]
    public async Task A_restarted_monitor_resolves_an_incident_signalled_before_the_restart()
    {
        await using var harness = new MonitorHarness(Sys, unresolved: new HashSet<string> { "web/home" });
        await StartedAsync(harness);

        await Eventually.TrueAsync(() => harness.Sink.Recoveries.Any(), "the recovery signal of the first run");
        var recovery = Assert.Single(harness.Sink.Recoveries);
        Assert.Equal("web/home", recovery.DedupKey);
    }

    [Fact]
    public async Task A_reload_keeps_the_state_of_unchanged_checks_and_starts_new_ones_pending()
    {
        await using var harness = new MonitorHarness(Sys);
        var monitor = Sys.ActorOf(SystemMonitor.Props(harness.Target, harness.Services), harness.Target.ActorName);
        await harness.WaitForTimersAsync(1);
        harness.Advance(CheckDefinitions.InitialDelay("web", "home", Duration.FromSeconds(10)));
        await Eventually.TrueAsync(() => harness.Probe.Runs == 1, "first run");
        for (var i = 0; i < 3; i++)
        {
            await harness.RunOnceAsync(healthy: false);
        }

        var reloaded = harness.Target with { System = MonitorHarness.SystemWith(MonitorHarness.Check(), [], null, MonitorHarness.Check("api", intervalSeconds: 60)) };
        monitor.Tell(new Reconfigure(reloaded));
        await Eventually.TrueAsync(() => harness.Board.For("web").Any(s => s.Id == "api"), "new check registered");

        var statuses = harness.Board.For("web").ToDictionary(s => s.Id, s => s.State);
        Assert.Equal("down", statuses["home"]);
        Assert.Equal("pending", statuses["api"]);
        await harness.RunOnceAsync(healthy: false);
        Assert.Single(harness.Sink.Failures); // still the one incident: no new transition after the reload
    }

    [Fact]
    public async Task A_missed_heartbeat_fails_at_its_deadline_and_a_ping_recovers_it()
    {
        await using var harness = new MonitorHarness(Sys, heartbeat: MonitorHarness.Heartbeat());
        var monitor = harness.StartMonitor();
        await harness.WaitForTimersAsync(2); // the check's timer and the heartbeat's deadline

        harness.Advance(Duration.FromMinutes(69));
        await Eventually.TrueAsync(() => harness.Probe.Runs > 0, "checks ran meanwhile");
        Assert.DoesNotContain(harness.Sink.Failures, f => f.Source == SignalSource.Heartbeat);

        harness.Advance(Duration.FromMinutes(1));
        await Eventually.TrueAsync(() => harness.Sink.Failures.Any(f => f.Source == SignalSource.Heartbeat), "heartbeat failure");
        var failure = harness.Sink.Failures.Single(f => f.Source == SignalSource.Heartbeat);
        Assert.Equal("web/backup", failure.DedupKey);
        Assert.Equal(Priority.P3, failure.Priority);
        Assert.Contains("no ping at all", failure.Reason, StringComparison.Ordinal);

        var now = harness.Now;
        monitor.Tell(new HeartbeatPinged("backup", PingKind.Success, now, now + Duration.FromMinutes(70)));
        await Eventually.TrueAsync(() => harness.Sink.Recoveries.Any(r => r.DedupKey == "web/backup"), "heartbeat recovery");
    }

    [Fact]
    public async Task A_heartbeat_deadline_is_read_back_from_the_store_after_a_restart()
    {
        await using var harness = new MonitorHarness(Sys, heartbeat: MonitorHarness.Heartbeat());
        var stored = MonitorHarness.Start + Duration.FromMinutes(5);
        await harness.Store.RecordPingAsync("web", "backup", PingKind.Start, MonitorHarness.Start - Duration.FromMinutes(5), stored);

        harness.StartMonitor();
        await harness.WaitForTimersAsync(2);
        harness.Advance(Duration.FromMinutes(5));

        await Eventually.TrueAsync(() => harness.Sink.Failures.Any(f => f.DedupKey == "web/backup"), "failure at the stored deadline");
    }

    [Fact]
    public async Task A_fail_ping_opens_an_incident_at_once()
    {
        await using var harness = new MonitorHarness(Sys, heartbeat: MonitorHarness.Heartbeat());
        var monitor = harness.StartMonitor();
        await harness.WaitForTimersAsync(2);

        var now = harness.Now;
        monitor.Tell(new HeartbeatPinged("backup", PingKind.Fail, now, now + Duration.FromMinutes(70)));

        await Eventually.TrueAsync(() => harness.Sink.Failures.Any(f => f.DedupKey == "web/backup" && f.Reason.Contains("reported a failure", StringComparison.Ordinal)), "fail ping");
    }

    [Fact]
    public async Task A_check_recovery_the_desk_refused_is_offered_again_until_the_desk_has_it()
    {
        await using var harness = new MonitorHarness(Sys);
        await StartedAsync(harness);
        for (var i = 0; i < 3; i++)
        {
            await harness.RunOnceAsync(healthy: false);
        }

        harness.Sink.RecoveriesToRefuse = 2;
        await harness.RunOnceAsync(healthy: true);
        await harness.RunOnceAsync(healthy: true); // up: the recovery is refused
        await harness.RunOnceAsync(healthy: true); // still up: offered again, refused again
        await Eventually.TrueAsync(() => harness.Sink.RefusedRecoveries == 2, "second refusal");
        Assert.Empty(harness.Sink.Recoveries);

        await harness.RunOnceAsync(healthy: true);
        await Eventually.TrueAsync(() => harness.Sink.Recoveries.Any(), "recovery recorded");
        await harness.RunOnceAsync(healthy: true);
        var recovery = Assert.Single(harness.Sink.Recoveries);
        Assert.Equal("web/home", recovery.DedupKey);
    }

    [Fact]
    public async Task A_heartbeat_recovery_the_desk_refused_is_offered_again_after_the_retry_delay()
    {
        await using var harness = new MonitorHarness(Sys, heartbeat: MonitorHarness.Heartbeat());
        var monitor = harness.StartMonitor();
        await harness.WaitForTimersAsync(2);
        var now = harness.Now;
        monitor.Tell(new HeartbeatPinged("backup", PingKind.Fail, now, now + Duration.FromMinutes(70)));
        await Eventually.TrueAsync(() => harness.Sink.Failures.Any(f => f.DedupKey == "web/backup"), "fail ping");

        harness.Sink.RecoveriesToRefuse = 1;
        monitor.Tell(new HeartbeatPinged("backup", PingKind.Success, now, now + Duration.FromMinutes(70)));
        await Eventually.TrueAsync(() => harness.Sink.RefusedRecoveries == 1, "recovery refused");
        Assert.Empty(harness.Sink.Recoveries);

        // The retry timer may be armed just after the refusal was counted: advance until it fires.
        await Eventually.TrueAsync(() =>
        {
            harness.Advance(SystemMonitor.RetryDelay);
            return harness.Sink.Recoveries.Any(r => r.DedupKey == "web/backup");
        }, "recovery offered again");
        Assert.Single(harness.Sink.Recoveries);
    }
}
