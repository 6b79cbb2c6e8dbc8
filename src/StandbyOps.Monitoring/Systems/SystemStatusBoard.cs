using System.Collections.Concurrent;
using StandbyOps.Monitoring.History;

namespace StandbyOps.Monitoring.Systems;

/// <summary>
/// The latest status of every check and heartbeat, written by the monitor actors and read by the
/// status API without asking each actor (cheap with thousands of systems). Every status set here is also
/// handed to the history, if there is one: this is the one point where monitors' results leave them.
/// </summary>
public sealed class SystemStatusBoard(IMonitorHistory? history)
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, MonitorStatus>> _systems = new(StringComparer.Ordinal);

    /// <summary>A board that keeps no history.</summary>
    public SystemStatusBoard()
        : this(null)
    {
    }

    /// <summary>Sets the status of one check or heartbeat of <paramref name="systemId"/>.</summary>
    public void Set(string systemId, MonitorStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        _systems.GetOrAdd(systemId, _ => new ConcurrentDictionary<string, MonitorStatus>(StringComparer.Ordinal))[status.Id] = status;
        history?.Record(systemId, status);
    }

    /// <summary>Forgets one check or heartbeat (removed from the configuration).</summary>
    public void Remove(string systemId, string id)
    {
        if (_systems.TryGetValue(systemId, out var entries))
        {
            entries.TryRemove(id, out _);
        }

        history?.Forget(systemId, id);
    }

    /// <summary>Forgets a whole system.</summary>
    public void RemoveSystem(string systemId)
    {
        _systems.TryRemove(systemId, out _);
        history?.ForgetSystem(systemId);
    }

    /// <summary>The statuses of <paramref name="systemId"/>, ordered by id.</summary>
    public IReadOnlyList<MonitorStatus> For(string systemId) =>
        _systems.TryGetValue(systemId, out var entries)
            ? entries.Values.OrderBy(s => s.Id, StringComparer.Ordinal).ToList()
            : [];
}
