using NodaTime;

namespace StandbyOps.Configuration.Cluster;

/// <summary>
/// <c>cluster:</c> settings: this node's address for the other nodes (<see cref="Host"/>:<see cref="Port"/>) and the
/// nodes a starting node joins through. Absent: one node, no cluster. A cluster needs the shared PostgreSQL store.
/// <see cref="HeartbeatPause"/> and <see cref="StableAfter"/> tune how fast a lost node is downed (and its monitors
/// move): raise them where a node can be starved of CPU for seconds (shared or overcommitted hosts), at the cost of a
/// slower failover.
/// </summary>
public sealed record ClusterConfig(string Host, int Port, IReadOnlyList<ClusterNodeAddress> SeedNodes)
{
    /// <summary>The default <see cref="HeartbeatPause"/>.</summary>
    public static readonly Duration DefaultHeartbeatPause = Duration.FromSeconds(2);

    /// <summary>The default <see cref="StableAfter"/>.</summary>
    public static readonly Duration DefaultStableAfter = Duration.FromSeconds(4);

    /// <summary>How long a node may send no heartbeat before the others suspect it (unreachable).</summary>
    public Duration HeartbeatPause { get; init; } = DefaultHeartbeatPause;

    /// <summary>How long the view must stay unchanged before the split-brain resolver downs the unreachable side.</summary>
    public Duration StableAfter { get; init; } = DefaultStableAfter;
}
