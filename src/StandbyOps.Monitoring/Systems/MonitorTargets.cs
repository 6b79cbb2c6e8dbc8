using StandbyOps.Configuration;

namespace StandbyOps.Monitoring.Systems;

/// <summary>
/// The monitored systems of the configuration in force, by system id. Under Cluster.Sharding a monitor learns its
/// target from its own node's configuration (a reload on another node tells it only to look again), so no
/// configuration object ever crosses the wire. The index is rebuilt once per configuration.
/// </summary>
public sealed class MonitorTargets(Func<StandbyOpsConfig> current)
{
    private (StandbyOpsConfig Config, IReadOnlyDictionary<string, MonitoredSystem> Systems)? _index;

    /// <summary>The system <paramref name="systemId"/> of the configuration in force; null when it has none by that id.</summary>
    public MonitoredSystem? Find(string systemId)
    {
        var config = current();
        var index = _index;
        if (index is null || !ReferenceEquals(index.Value.Config, config))
        {
            index = (config, MonitorSupervisor.SystemsOf(config).ToDictionary(s => s.System.Id, StringComparer.Ordinal));
            _index = index;
        }

        return index.Value.Systems.GetValueOrDefault(systemId);
    }
}
