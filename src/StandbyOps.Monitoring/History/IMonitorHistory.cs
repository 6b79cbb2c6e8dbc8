using StandbyOps.Monitoring.Systems;

namespace StandbyOps.Monitoring.History;

/// <summary>
/// Where the monitors' results go to be kept. Called wherever a check's or heartbeat's status is published
/// (<see cref="SystemStatusBoard"/>); implementations buffer, so a caller never waits on the store.
/// </summary>
public interface IMonitorHistory
{
    /// <summary>Records the status just published for one check or heartbeat of <paramref name="systemId"/>.</summary>
    void Record(string systemId, MonitorStatus status);

    /// <summary>Stops following one check or heartbeat (removed from the configuration); its past stays.</summary>
    void Forget(string systemId, string id);

    /// <summary>Stops following a whole system.</summary>
    void ForgetSystem(string systemId);
}
