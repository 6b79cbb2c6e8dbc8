using StandbyOps.Configuration.Systems;

namespace StandbyOps.Monitoring.Systems;

/// <summary>One system to watch and the customer it belongs to.</summary>
public sealed record MonitoredSystem(string CustomerId, SystemConfig System)
{
    /// <summary>The actor name of the system's monitor.</summary>
    public string ActorName => ActorNameOf(System.Id);

    /// <summary>
    /// A system this node's configuration does not (yet) know: its monitor watches nothing until a
    /// <see cref="Reconfigure"/> gives it a target (under Cluster.Sharding a monitor may start on a node whose reload lags).
    /// </summary>
    public static MonitoredSystem Unconfigured(string systemId) => new("", new SystemConfig(
        systemId, systemId, Criticality.Low, new Dictionary<string, Configuration.Checks.CheckConfig>(), new Dictionary<string, Configuration.Heartbeats.HeartbeatConfig>(),
        new Dictionary<string, Configuration.PushRules.PushRuleConfig>(), new Dictionary<string, string>(), []));

    /// <summary>The actor name of the monitor of <paramref name="systemId"/>.</summary>
    public static string ActorNameOf(string systemId) => $"system-{systemId}";
}
