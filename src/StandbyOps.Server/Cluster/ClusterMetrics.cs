using Prometheus;

namespace StandbyOps.Server.Cluster;

/// <summary>The <c>standbyops_cluster_*</c> metrics of a node in multi-node mode (registered only then).</summary>
public sealed class ClusterMetrics
{
    private readonly Gauge _members;
    private readonly Gauge _unreachable;
    private readonly Gauge _shards;
    private readonly Gauge _up;

    /// <summary>Registers the metrics on <paramref name="registry"/>.</summary>
    public ClusterMetrics(CollectorRegistry registry)
    {
        var factory = Prometheus.Metrics.WithCustomRegistry(registry);
        _members = factory.CreateGauge("standbyops_cluster_members", "Cluster members with status Up, as this node sees them.");
        _unreachable = factory.CreateGauge("standbyops_cluster_unreachable_members", "Cluster members this node's failure detector cannot reach.");
        _shards = factory.CreateGauge("standbyops_cluster_shards_owned", "Monitor shards (groups of systems) this node owns.");
        _up = factory.CreateGauge("standbyops_cluster_self_up", "1 while this node is an Up member of the cluster, else 0.");
        Rebalances = factory.CreateCounter("standbyops_cluster_shard_rebalances_total", "Monitor shards that moved onto or off this node after it first owned some.");
        MembersRemoved = factory.CreateCounter("standbyops_cluster_members_removed_total", "Members this node saw removed from the cluster (left or downed).");
    }

    /// <summary>Shards that moved onto or off this node.</summary>
    public Counter Rebalances { get; }

    /// <summary>Members removed from the cluster.</summary>
    public Counter MembersRemoved { get; }

    /// <summary>Sets the gauges from a snapshot.</summary>
    public void Update(ClusterSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        _members.Set(snapshot.MembersUp);
        _unreachable.Set(snapshot.Unreachable);
        _shards.Set(snapshot.ShardsOwned);
        _up.Set(snapshot.IsUp ? 1 : 0);
    }
}
