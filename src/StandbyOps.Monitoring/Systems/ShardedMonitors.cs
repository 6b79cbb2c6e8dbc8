using Akka.Actor;
using StandbyOps.Configuration;

namespace StandbyOps.Monitoring.Systems;

/// <summary>
/// A node's door to the system monitors when they run under Cluster.Sharding: it plays the <see cref="MonitorSupervisor"/>'s
/// part for the rest of the host. Envelopes go to the shard region, which delivers them on whichever node owns the
/// system; at start and on every configuration it applies, it tells each configured system's monitor to look up its
/// target in its owner's configuration (which starts the monitor on its owner, and reconfigures one already running) and
/// retires those that left the configuration. Only ids and markers cross the wire, never the configuration.
/// The region itself keeps the monitors alive across nodes (remembered entities); on drain this door only closes, since
/// leaving the cluster hands the shards off to the other nodes.
/// </summary>
public sealed class ShardedMonitors : ReceiveActor
{
    private readonly IActorRef _region;
    private readonly SystemStatusBoard _board;
    private StandbyOpsConfig _applied;

    /// <summary>Creates the door (Akka creates it from <see cref="Props"/>).</summary>
    public ShardedMonitors(IActorRef region, StandbyOpsConfig config, SystemStatusBoard board)
    {
        _region = region;
        _board = board;
        _applied = config;
        Receive<ApplyConfiguration>(m => Apply(m.Config));
        Receive<MonitorEnvelope>(m => _region.Forward(m));
        Receive<DrainMonitors>(_ => Context.Stop(Self));
        Announce(config);
    }

    /// <summary>The props of the door over <paramref name="region"/>; <paramref name="board"/> is this node's (it forgets removed systems).</summary>
    public static Props Props(IActorRef region, StandbyOpsConfig config, SystemStatusBoard board) =>
        Akka.Actor.Props.Create(() => new ShardedMonitors(region, config, board));

    private void Apply(StandbyOpsConfig next)
    {
        var wanted = MonitorSupervisor.SystemsOf(next).Select(s => s.System.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in MonitorSupervisor.SystemsOf(_applied).Where(s => !wanted.Contains(s.System.Id)))
        {
            _region.Tell(new MonitorEnvelope(gone.System.Id, RetireMonitor.Instance));
            _board.RemoveSystem(gone.System.Id);
        }

        _applied = next;
        Announce(next);
    }

    private void Announce(StandbyOpsConfig config)
    {
        foreach (var target in MonitorSupervisor.SystemsOf(config))
        {
            _region.Tell(new MonitorEnvelope(target.System.Id, ReloadTarget.Instance));
        }
    }
}
