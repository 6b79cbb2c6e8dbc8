using Akka.Actor;
using Microsoft.Extensions.Logging;
using NodaTime;
using StandbyOps.Configuration.Checks;
using StandbyOps.Configuration.Heartbeats;
using StandbyOps.Incidents.Signals;
using StandbyOps.Monitoring.Heartbeats;
using StandbyOps.Monitoring.Probes;

namespace StandbyOps.Monitoring.Systems;

/// <summary>
/// The actor that watches one managed system: runs its checks on their intervals (with a stable
/// jitter), applies the failure/success thresholds, watches heartbeat deadlines, honours
/// maintenance windows, and sends failure and recovery signals to the incident desk. A failure
/// that stays down is signalled again every <see cref="RepeatInterval"/>, so an incident resolved by
/// hand while the system is still failing reopens. A recovery the desk did not take is offered again on each
/// later run of the check (every <see cref="RetryDelay"/> for a heartbeat) until the desk has it.
/// </summary>
/// <remarks>
/// The async handlers keep the actor's context across <c>await</c> (no <c>ConfigureAwait(false)</c>): Akka
/// runs their continuations as the actor and takes no other message until the handler's task completed.
/// </remarks>
public sealed partial class SystemMonitor : UntypedActor, IWithTimers
{
    /// <summary>How often a check that stays down is signalled again.</summary>
    public static readonly Duration RepeatInterval = Duration.FromMinutes(5);

    /// <summary>How soon a signal the desk could not record is offered again.</summary>
    public static readonly Duration RetryDelay = Duration.FromSeconds(30);

    private static readonly IReadOnlySet<string> NoKeys = new HashSet<string>();

    private readonly MonitorServices _services;
    private readonly ILogger _logger;
    private readonly Dictionary<string, CheckRun> _checks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HeartbeatWatch> _heartbeats = new(0, StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private MonitoredSystem _target;
    private MaintenanceSchedule _maintenance;
    private IReadOnlySet<string> _unresolved = NoKeys;

    /// <summary>Creates the monitor (Akka creates it from <see cref="Props"/>; the constructor must be public).</summary>
    public SystemMonitor(MonitoredSystem target, MonitorServices services)
    {
        _target = target;
        _services = services;
        _logger = services.LoggerFactory.CreateLogger<SystemMonitor>();
        _maintenance = new MaintenanceSchedule(target.System.Maintenance);
    }

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>
    /// The props of the monitor of <paramref name="target"/>: built by a producer that calls the constructor, not by
    /// <c>Props.Create(() =&gt; new …)</c>, which evaluates the expression's arguments and activates by reflection on
    /// every start (it showed in the stack samples of 100,000 monitors starting).
    /// </summary>
    public static Props Props(MonitoredSystem target, MonitorServices services) =>
        Akka.Actor.Props.CreateBy(new Producer(target, services));

    private string SystemId => _target.System.Id;

    private Instant Now => _services.Clock.GetCurrentInstant();

    /// <summary>
    /// One switch rather than <c>ReceiveActor</c>'s per-instance handler table: with 100,000 idle monitors the
    /// table was a fifth of each one's memory. <see cref="UntypedActor.RunTask(Func{Task})"/> gives an async handler
    /// the same guarantee as <c>ReceiveAsync</c>: no other message until its task has completed.
    /// </summary>
    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case RunCheck m:
                OnRunCheck(m);
                break;
            case CheckCompleted m:
                RunTask(() => OnCheckCompletedAsync(m));
                break;
            case LoadUnresolved m:
                RunTask(() => OnLoadUnresolvedAsync(m));
                break;
            case LoadHeartbeats m:
                RunTask(() => OnLoadHeartbeatsAsync(m));
                break;
            case HeartbeatPinged m:
                RunTask(() => OnHeartbeatPingedAsync(m));
                break;
            case HeartbeatDeadlinePassed m:
                RunTask(() => OnDeadlinePassedAsync(m));
                break;
            case Reconfigure m:
                OnReconfigure(m);
                break;
            case RetryRecovery m:
                RunTask(() => OnRetryRecoveryAsync(m));
                break;
            case ReloadTarget:
                if (_services.Targets?.Find(SystemId) is { } target)
                {
                    OnReconfigure(new Reconfigure(target));
                }
                else
                {
                    Retire();
                }

                break;
            case RetireMonitor:
                Retire();
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    /// <inheritdoc />
    protected override void PreStart()
    {
        Self.Tell(new LoadUnresolved());
        foreach (var check in _target.System.Checks.Values)
        {
            StartCheck(check, generation: 0);
        }

        if (_target.System.Heartbeats.Count > 0)
        {
            Self.Tell(new LoadHeartbeats([.. _target.System.Heartbeats.Keys]));
        }
    }

    /// <inheritdoc />
    protected override void PostStop()
    {
        _stopping.Cancel();
        _stopping.Dispose();
    }

    private void StartCheck(CheckConfig config, int generation)
    {
        var now = Now;
        var delay = CheckDefinitions.InitialDelay(SystemId, config.Id, config.Interval);
        var run = new CheckRun(config, _services.CreateProbe(CheckDefinitions.ProbeFor(config)), generation, now + delay)
        {
            ReportedAt = _unresolved.Contains(DedupKey(config.Id)) ? now : null,
        };
        _checks[config.Id] = run;
        Timers.StartSingleTimer(CheckTimerKey(config.Id), new RunCheck(config.Id), delay.ToTimeSpan());
        _services.Board.Set(SystemId, new MonitorStatus(config.Id, "check", "pending", null, null, null, null));
    }

    private void OnRunCheck(RunCheck message)
    {
        if (!_checks.TryGetValue(message.CheckId, out var run))
        {
            return;
        }

        var now = Now;
        _services.Metrics.ScheduleLag.Observe(Math.Max(0, (now - run.NextDue).TotalSeconds));
        ArmNext(run, now);
        if (run.InFlight)
        {
            // The previous run is still going (a slow target): never stack probes on one target.
            _services.Metrics.CheckRuns.WithLabels("skipped").Inc();
            return;
        }

        run.InFlight = true;
        var self = Self;
        var probe = run.Probe;
        var generation = run.Generation;
        var token = _stopping.Token;
        _ = Task.Run(async () =>
        {
            ProbeResult result;
            try
            {
                result = await probe.RunAsync(token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception ex)
            {
                result = ProbeResult.Failed(TimeSpan.Zero, $"probe error: {ex.Message}");
            }

            self.Tell(new CheckCompleted(message.CheckId, generation, result));
        }, CancellationToken.None);
    }

    /// <summary>
    /// Arms the check's next run at its next slot on the grid of its interval (a single timer each time, not Akka's
    /// periodic timer, which re-arms from the tick that fired it and so drifts by up to a tick per run: after a day a
    /// 10-s check ran seconds off its slot). Slots already past, after a pause, are skipped rather than run in a burst.
    /// </summary>
    private void ArmNext(CheckRun run, Instant now)
    {
        run.NextDue += run.Config.Interval;
        if (run.NextDue <= now)
        {
            var behind = (now - run.NextDue).BclCompatibleTicks / run.Config.Interval.BclCompatibleTicks;
            run.NextDue += run.Config.Interval * (behind + 1);
        }

        Timers.StartSingleTimer(CheckTimerKey(run.Config.Id), new RunCheck(run.Config.Id), (run.NextDue - now).ToTimeSpan());
    }

    private async Task OnCheckCompletedAsync(CheckCompleted message)
    {
        if (!_checks.TryGetValue(message.CheckId, out var run) || run.Generation != message.Generation)
        {
            return;
        }

        run.InFlight = false;
        var now = Now;
        var result = message.Result;
        _services.Metrics.CheckRuns.WithLabels(result.Success ? "success" : "failure").Inc();
        _services.Metrics.CheckDuration.Observe(result.Latency.TotalSeconds);
        run.State.Record(result.Success, now);
        var maintenance = _maintenance.IsInMaintenance(now);
        _services.Board.Set(SystemId, new MonitorStatus(
            run.Config.Id, "check", maintenance ? "maintenance" : StateText(run.State.Health), now, result.Reason, result.Latency.TotalSeconds, run.State.Since));

        if (run.State.Health == CheckHealth.Down && !maintenance && (run.ReportedAt is null || now - run.ReportedAt >= RepeatInterval))
        {
            var signal = new FailureSignal(
                _target.CustomerId, SystemId, SignalSource.Check, DedupKey(run.Config.Id), run.Config.Priority,
                $"{_target.System.Name}: check {run.Config.Id} is down", result.Reason, now, run.Config.AutoResolve);
            if (await TryFailAsync(signal))
            {
                run.ReportedAt = now;
            }
        }
        else if (run.State.Health == CheckHealth.Up && run.ReportedAt is not null)
        {
            var signal = new RecoverySignal(_target.CustomerId, SystemId, SignalSource.Check, DedupKey(run.Config.Id),
                $"{run.Config.SuccessThreshold} successful checks in a row: {result.Reason}", now);
            if (await TryRecoverAsync(signal))
            {
                run.ReportedAt = null;
            }
        }
    }

    private async Task OnLoadUnresolvedAsync(LoadUnresolved message)
    {
        IReadOnlySet<string> keys;
        try
        {
            keys = await _services.Signals.UnresolvedKeysAsync(SystemId, _stopping.Token);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogSignalFailed(ex, SystemId);
            Timers.StartSingleTimer("unresolved", message, RetryDelay.ToTimeSpan());
            return;
        }

        _unresolved = keys;
        foreach (var run in _checks.Values.Where(r => keys.Contains(DedupKey(r.Config.Id))))
        {
            run.ReportedAt ??= Now;
        }

        foreach (var watch in _heartbeats.Values.Where(w => keys.Contains(DedupKey(w.Config.Id))))
        {
            watch.Reported = true;
        }
    }

    private async Task OnLoadHeartbeatsAsync(LoadHeartbeats message)
    {
        foreach (var id in message.HeartbeatIds)
        {
            if (!_target.System.Heartbeats.TryGetValue(id, out var config))
            {
                continue;
            }

            var schedule = new HeartbeatSchedule(config);
            var now = Now;
            HeartbeatRecord record;
            try
            {
                record = await _services.Heartbeats.EnsureAsync(SystemId, id, now, schedule.FirstDeadline(now), _stopping.Token);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogStoreFailed(ex, SystemId, id);
                Timers.StartSingleTimer(("load", id), new LoadHeartbeats([id]), RetryDelay.ToTimeSpan());
                continue;
            }

            var watch = new HeartbeatWatch(config, schedule, record.DeadlineAt)
            {
                Health = record.LastKind switch
                {
                    PingKind.Fail => CheckHealth.Down,
                    null => CheckHealth.Pending,
                    _ => CheckHealth.Up,
                },
                LastPingAt = record.LastPingAt,
                Reported = _unresolved.Contains(DedupKey(id)),
            };
            _heartbeats[id] = watch;
            ArmDeadline(watch);
            Publish(watch);
        }
    }

    private async Task OnHeartbeatPingedAsync(HeartbeatPinged message)
    {
        if (!_heartbeats.TryGetValue(message.HeartbeatId, out var watch))
        {
            return;
        }

        _services.Metrics.HeartbeatPings.WithLabels(message.Kind.ToString().ToLowerInvariant()).Inc();
        watch.Deadline = message.Deadline;
        watch.LastPingAt = message.At;
        ArmDeadline(watch);
        switch (message.Kind)
        {
            case PingKind.Fail:
                watch.Health = CheckHealth.Down;
                Publish(watch, "the job reported a failure");
                if (!_maintenance.IsInMaintenance(message.At) && await TryFailAsync(HeartbeatFailure(watch, "the job reported a failure", message.At)))
                {
                    watch.Reported = true;
                }

                break;
            case PingKind.Success:
                watch.Health = CheckHealth.Up;
                Publish(watch, "ping received");
                if (watch.Reported)
                {
                    await RecoverHeartbeatAsync(watch, message.At);
                }

                break;
            case PingKind.Start:
                Publish(watch, "run started");
                break;
        }
    }

    private async Task OnDeadlinePassedAsync(HeartbeatDeadlinePassed message)
    {
        if (!_heartbeats.TryGetValue(message.HeartbeatId, out var watch) || watch.Deadline != message.Deadline)
        {
            return;
        }

        var now = Now;
        var reason = watch.LastPingAt is { } last
            ? $"no ping since {last}; it was due by {watch.Deadline}"
            : $"no ping at all; the first was due by {watch.Deadline}";
        watch.Health = CheckHealth.Down;
        Publish(watch, reason);
        if (_maintenance.IsInMaintenance(now) || !await TryFailAsync(HeartbeatFailure(watch, reason, now)))
        {
            // Look again once maintenance is over or the desk is back.
            Timers.StartSingleTimer(HeartbeatTimerKey(watch.Config.Id), message, RetryDelay.ToTimeSpan());
            return;
        }

        watch.Reported = true;
    }

    private void OnReconfigure(Reconfigure message)
    {
        var previous = _target;
        _target = message.Target;
        _maintenance = new MaintenanceSchedule(_target.System.Maintenance);

        foreach (var (id, run) in _checks.ToList())
        {
            if (!_target.System.Checks.TryGetValue(id, out var next) || CheckDefinitions.Fingerprint(next) != CheckDefinitions.Fingerprint(run.Config))
            {
                Timers.Cancel(CheckTimerKey(id));
                _checks.Remove(id);
                _services.Board.Remove(SystemId, id);
                if (next is not null)
                {
                    StartCheck(next, run.Generation + 1);
                }
            }
        }

        foreach (var check in _target.System.Checks.Values.Where(c => !_checks.ContainsKey(c.Id)))
        {
            StartCheck(check, generation: 0);
        }

        var reload = new List<string>();
        foreach (var (id, config) in _target.System.Heartbeats)
        {
            if (!previous.System.Heartbeats.TryGetValue(id, out var old) || CheckDefinitions.Fingerprint(old) != CheckDefinitions.Fingerprint(config))
            {
                reload.Add(id);
            }
        }

        foreach (var id in _heartbeats.Keys.Where(id => !_target.System.Heartbeats.ContainsKey(id)).ToList())
        {
            Timers.Cancel(HeartbeatTimerKey(id));
            Timers.Cancel(RecoveryTimerKey(id));
            _heartbeats.Remove(id);
            _services.Board.Remove(SystemId, id);
        }

        if (reload.Count > 0)
        {
            Self.Tell(new LoadHeartbeats(reload));
        }
    }

    /// <summary>Under Cluster.Sharding: passivate, so the region forgets the entity instead of restarting it.</summary>
    private void Retire()
    {
        Timers.CancelAll();
        _services.Board.RemoveSystem(SystemId);
        Context.Parent.Tell(new Akka.Cluster.Sharding.Passivate(PoisonPill.Instance));
    }

    private void ArmDeadline(HeartbeatWatch watch)
    {
        var message = new HeartbeatDeadlinePassed(watch.Config.Id, watch.Deadline);
        var delay = watch.Deadline - Now;
        if (delay <= Duration.Zero)
        {
            Timers.Cancel(HeartbeatTimerKey(watch.Config.Id));
            Self.Tell(message);
        }
        else
        {
            Timers.StartSingleTimer(HeartbeatTimerKey(watch.Config.Id), message, delay.ToTimeSpan());
        }
    }

    private async Task OnRetryRecoveryAsync(RetryRecovery message)
    {
        if (_heartbeats.TryGetValue(message.HeartbeatId, out var watch) && watch.Health == CheckHealth.Up && watch.Reported)
        {
            await RecoverHeartbeatAsync(watch, Now);
        }
    }

    /// <summary>Tells the desk a reported heartbeat is healthy again; if the desk does not take it, offers it again after <see cref="RetryDelay"/>.</summary>
    private async Task RecoverHeartbeatAsync(HeartbeatWatch watch, Instant at)
    {
        if (await TryRecoverAsync(new RecoverySignal(_target.CustomerId, SystemId, SignalSource.Heartbeat, DedupKey(watch.Config.Id), "ping received", at)))
        {
            watch.Reported = false;
            Timers.Cancel(RecoveryTimerKey(watch.Config.Id));
        }
        else
        {
            Timers.StartSingleTimer(RecoveryTimerKey(watch.Config.Id), new RetryRecovery(watch.Config.Id), RetryDelay.ToTimeSpan());
        }
    }

    private FailureSignal HeartbeatFailure(HeartbeatWatch watch, string reason, Instant at) => new(
        _target.CustomerId, SystemId, SignalSource.Heartbeat, DedupKey(watch.Config.Id), watch.Config.Priority,
        $"{_target.System.Name}: heartbeat {watch.Config.Id} missed", reason, at);

    private void Publish(HeartbeatWatch watch, string? reason = null) =>
        _services.Board.Set(SystemId, new MonitorStatus(
            watch.Config.Id, "heartbeat", _maintenance.IsInMaintenance(Now) ? "maintenance" : StateText(watch.Health), watch.LastPingAt, reason, null, null));

    private async Task<bool> TryFailAsync(FailureSignal signal)
    {
        try
        {
            await _services.Signals.FailAsync(signal, _stopping.Token);
            _services.Metrics.Signals.WithLabels(SourceText(signal.Source), "failure").Inc();
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogSignalFailed(ex, signal.DedupKey);
            return false;
        }
    }

    private async Task<bool> TryRecoverAsync(RecoverySignal signal)
    {
        try
        {
            await _services.Signals.RecoverAsync(signal, _stopping.Token);
            _services.Metrics.Signals.WithLabels(SourceText(signal.Source), "recovery").Inc();
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogSignalFailed(ex, signal.DedupKey);
            return false;
        }
    }

    private string DedupKey(string id) => $"{SystemId}/{id}";

    private static string SourceText(SignalSource source) => source.ToString().ToLowerInvariant();

    private static string StateText(CheckHealth health) => health.ToString().ToLowerInvariant();

    private static (string, string) CheckTimerKey(string id) => ("check", id);

    private static (string, string) HeartbeatTimerKey(string id) => ("heartbeat", id);

    private static (string, string) RecoveryTimerKey(string id) => ("recovery", id);

    [LoggerMessage(Level = LogLevel.Error, Message = "The incident desk did not record the signal for {DedupKey}; it is offered again")]
    private partial void LogSignalFailed(Exception exception, string dedupKey);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not load the deadline of heartbeat {SystemId}/{HeartbeatId}; retrying")]
    private partial void LogStoreFailed(Exception exception, string systemId, string heartbeatId);

    private sealed class Producer(MonitoredSystem target, MonitorServices services) : IIndirectActorProducer
    {
        public Type ActorType => typeof(SystemMonitor);

        public ActorBase Produce() => new SystemMonitor(target, services);

        public void Release(ActorBase actor)
        {
        }
    }

    private sealed class CheckRun(CheckConfig config, IProbe probe, int generation, Instant nextDue)
    {
        public CheckConfig Config { get; } = config;

        public IProbe Probe { get; } = probe;

        public int Generation { get; } = generation;

        public CheckState State { get; } = new(config.FailureThreshold, config.SuccessThreshold);

        public Instant NextDue { get; set; } = nextDue;

        public bool InFlight { get; set; }

        public Instant? ReportedAt { get; set; }
    }

    private sealed class HeartbeatWatch(HeartbeatConfig config, HeartbeatSchedule schedule, Instant deadline)
    {
        public HeartbeatConfig Config { get; } = config;

        public HeartbeatSchedule Schedule { get; } = schedule;

        public Instant Deadline { get; set; } = deadline;

        public Instant? LastPingAt { get; set; }

        public CheckHealth Health { get; set; }

        public bool Reported { get; set; }
    }
}
