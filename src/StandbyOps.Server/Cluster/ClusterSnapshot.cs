namespace StandbyOps.Server.Cluster;

/// <summary>
/// One look at the cluster from this node: its own member status (<c>Joining</c>, <c>Up</c>, <c>Leaving</c>,
/// <c>Down</c>, <c>Removed</c>…), members up, members this node cannot reach, and how many monitor shards it owns.
/// </summary>
public sealed record ClusterSnapshot(string Address, string SelfStatus, int MembersUp, int Unreachable, int ShardsOwned)
{
    /// <summary>True once this node is an <c>Up</c> member (it serves and owns monitors).</summary>
    public bool IsUp => SelfStatus == "Up";
}
