using System.Collections.Concurrent;
using StandbyOps.Monitoring.History;

namespace StandbyOps.Monitoring.Systems;

/// <summary>
/// The latest status of every check and heartbeat, written by the monitor actors and read by the
/// status API without asking each actor (cheap with thousands of systems). Each system's statuses are
/// one small array sorted by id, replaced on write (a system has a handful; an idle monitor's entry stays small).
/// Every status set here is also handed to the history, if there is one: this is the one point where monitors' results leave them.
/// </summary>
public sealed class SystemStatusBoard(IMonitorHistory? history)
{
    private readonly ConcurrentDictionary<string, MonitorStatus[]> _systems = new(StringComparer.Ordinal);

    /// <summary>How many systems have at least one status.</summary>
    public int SystemCount => _systems.Count;

    /// <summary>A board that keeps no history.</summary>
    public SystemStatusBoard()
        : this(null)
    {
    }

    /// <summary>
    /// Raised after every status a monitor on this node sets: in multi-node mode the host mirrors it to the other
    /// nodes' boards, so every node's status API shows every system.
    /// </summary>
    public event Action<string, MonitorStatus>? Published;

    /// <summary>Sets the status of one check or heartbeat of <paramref name="systemId"/>.</summary>
    public void Set(string systemId, MonitorStatus status)
    {
        Mirror(systemId, status);
        history?.Record(systemId, status);
        Published?.Invoke(systemId, status);
    }

    /// <summary>Sets a status a monitor on another node published (no history here: its own node keeps that).</summary>
    public void Mirror(string systemId, MonitorStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        _systems.AddOrUpdate(systemId, static (_, s) => [s], static (_, current, s) => With(current, s), status);
    }

    /// <summary>Forgets one check or heartbeat (removed from the configuration).</summary>
    public void Remove(string systemId, string id)
    {
        while (_systems.TryGetValue(systemId, out var current) && Array.Exists(current, s => s.Id == id))
        {
            if (_systems.TryUpdate(systemId, [.. current.Where(s => s.Id != id)], current))
            {
                break;
            }
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
        _systems.TryGetValue(systemId, out var entries) ? entries : [];

    private static MonitorStatus[] With(MonitorStatus[] current, MonitorStatus status)
    {
        var index = Array.FindIndex(current, s => s.Id == status.Id);
        if (index >= 0)
        {
            var replaced = (MonitorStatus[])current.Clone();
            replaced[index] = status;
            return replaced;
        }

        return [.. current.Append(status).OrderBy(s => s.Id, StringComparer.Ordinal)];
    }
}
