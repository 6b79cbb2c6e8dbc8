using NodaTime;
using StandbyOps.Monitoring.Heartbeats;
using StandbyOps.Monitoring.Probes;
using StandbyOps.Monitoring.Signals;

namespace StandbyOps.Monitoring.Systems;

/// <summary>
/// What every monitor actor needs from the host. <see cref="Clock"/> is the domain's time (the instants in
/// signals and on the board); the actors' timers run on Akka's scheduler, which a virtual-time run
/// advances together with the clock. <see cref="Targets"/> (multi-node mode) is where a monitor looks up its system when
/// told to <see cref="ReloadTarget"/>.
/// </summary>
public sealed record MonitorServices(
    Func<ProbeDefinition, IProbe> CreateProbe,
    ISignalSink Signals,
    SystemStatusBoard Board,
    HeartbeatStore Heartbeats,
    MonitoringMetrics Metrics,
    Microsoft.Extensions.Logging.ILoggerFactory LoggerFactory,
    IClock Clock,
    MonitorTargets? Targets = null);
