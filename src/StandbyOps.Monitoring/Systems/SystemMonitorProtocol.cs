using NodaTime;
using StandbyOps.Monitoring.Heartbeats;
using StandbyOps.Monitoring.Probes;

namespace StandbyOps.Monitoring.Systems;

/// <summary>Time to run one check (its periodic timer).</summary>
public sealed record RunCheck(string CheckId);

/// <summary>A probe run finished; <see cref="Generation"/> drops results of a check that was reconfigured meanwhile.</summary>
public sealed record CheckCompleted(string CheckId, int Generation, ProbeResult Result);

/// <summary>A host pinged a heartbeat; the ping and <see cref="Deadline"/> are already stored.</summary>
public sealed record HeartbeatPinged(string HeartbeatId, PingKind Kind, Instant At, Instant Deadline);

/// <summary>A heartbeat's deadline passed (its timer); stale when the deadline has moved since.</summary>
public sealed record HeartbeatDeadlinePassed(string HeartbeatId, Instant Deadline);

/// <summary>The system's configuration changed: unchanged checks and heartbeats keep their state.</summary>
public sealed record Reconfigure(MonitoredSystem Target);

/// <summary>Load or create the stored deadlines of the given heartbeats and arm their timers.</summary>
internal sealed record LoadHeartbeats(IReadOnlyList<string> HeartbeatIds);

/// <summary>Learn which checks and heartbeats have unresolved incidents (first message after start).</summary>
internal sealed record LoadUnresolved;

/// <summary>Offer a heartbeat's recovery to the desk again (it did not take the last one).</summary>
internal sealed record RetryRecovery(string HeartbeatId);

/// <summary>
/// Look up the system in this node's configuration and apply it (<see cref="Reconfigure"/>), or passivate when it is no
/// longer there: what a node's reload tells the monitors under Cluster.Sharding, wherever they run.
/// </summary>
public sealed record ReloadTarget
{
    /// <summary>The one instance.</summary>
    public static readonly ReloadTarget Instance = new();
}

/// <summary>The system left the configuration: its monitor passivates (under Cluster.Sharding) so it is not restarted.</summary>
public sealed record RetireMonitor
{
    /// <summary>The one instance.</summary>
    public static readonly RetireMonitor Instance = new();
}
