namespace StandbyOps.Server.Cluster;

/// <summary>
/// This node's latest view of the cluster, as <c>/readyz</c> and the metrics report it; <see cref="Current"/> is null
/// on a single node (no <c>cluster:</c>). Written by the <see cref="ClusterWatcher"/>.
/// </summary>
public sealed class ClusterView
{
    private volatile ClusterSnapshot? _current;

    /// <summary>The latest snapshot; null on a single node.</summary>
    public ClusterSnapshot? Current
    {
        get => _current;
        set => _current = value;
    }
}
