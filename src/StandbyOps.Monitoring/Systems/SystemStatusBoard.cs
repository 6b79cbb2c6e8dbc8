using System.Collections.Concurrent;

namespace StandbyOps.Monitoring.Systems;

/// <summary>
/// The latest status of every check and heartbeat, written by the monitor actors and read by the
/// status API without asking each actor (cheap with thousands of systems).
/// </summary>
public sealed class SystemStatusBoard
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, MonitorStatus>> _systems = new(StringComparer.Ordinal);

    /// <summary>Sets the status of one check or heartbeat of <paramref name="systemId"/>.</summary>
    public void Set(string systemId, MonitorStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        _systems.GetOrAdd(systemId, _ => new ConcurrentDictionary<string, MonitorStatus>(StringComparer.Ordinal))[status.Id] = status;
    }

    /// <summary>Forgets one check or heartbeat (removed from the configuration).</summary>
    public void Remove(string systemId, string id)
    {
        if (_systems.TryGetValue(systemId, out var entries))
        {
            entries.TryRemove(id, out _);
        }
    }

    /// <summary>Forgets a whole system.</summary>
    public void RemoveSystem(string systemId) => _systems.TryRemove(systemId, out _);

    /// <summary>How many systems have at least one status.</summary>
    public int SystemCount => _systems.Count;

    /// <summary>The statuses of <paramref name="systemId"/>, ordered by id.</summary>
    public IReadOnlyList<MonitorStatus> For(string systemId) =>
        _systems.TryGetValue(systemId, out var entries)
            ? entries.Values.OrderBy(s => s.Id, StringComparer.Ordinal).ToList()
            : [];
}
