namespace StandbyOps.Server.Cluster;

/// <summary>The key of the monitors' shard region in Akka.Hosting's actor registry.</summary>
public sealed class MonitorRegion
{
    private MonitorRegion()
    {
    }
}
