using StandbyOps.Monitoring.Heartbeats;
using StandbyOps.Monitoring.Probes;
using StandbyOps.Monitoring.Signals;

namespace StandbyOps.Monitoring.Systems;

/// <summary>What every monitor actor needs from the host.</summary>
public sealed record MonitorServices(
    Func<ProbeDefinition, IProbe> CreateProbe,
    ISignalSink Signals,
    SystemStatusBoard Board,
    HeartbeatStore Heartbeats,
    MonitoringMetrics Metrics,
    Microsoft.Extensions.Logging.ILoggerFactory LoggerFactory);
