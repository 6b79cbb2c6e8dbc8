using StandbyOps.Configuration.Systems;

namespace StandbyOps.Monitoring.Systems;

/// <summary>One system to watch and the customer it belongs to.</summary>
public sealed record MonitoredSystem(string CustomerId, SystemConfig System)
{
    /// <summary>The actor name of the system's monitor.</summary>
    public string ActorName => ActorNameOf(System.Id);

    /// <summary>The actor name of the monitor of <paramref name="systemId"/>.</summary>
    public static string ActorNameOf(string systemId) => $"system-{systemId}";
}
