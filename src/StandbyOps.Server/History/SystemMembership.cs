using StandbyOps.Configuration;
using StandbyOps.Configuration.Systems;

namespace StandbyOps.Server.History;

/// <summary>
/// Which checks and heartbeats count for their system's availability: those whose priority is at least as
/// urgent as the system's criticality (a <c>high</c> system: its P1 and P2 checks and heartbeats; a P3
/// certificate check on it does not make the system down).
/// </summary>
public static class SystemMembership
{
    /// <summary>True when <paramref name="checkId"/> (a check or heartbeat of <paramref name="systemId"/>) counts for the system.</summary>
    public static bool Counts(StandbyOpsConfig config, string systemId, string checkId)
    {
        ArgumentNullException.ThrowIfNull(config);
        foreach (var customer in config.Customers.Values)
        {
            if (customer.Systems.TryGetValue(systemId, out var system))
            {
                var threshold = system.Criticality.DefaultPriority();
                return system.Checks.TryGetValue(checkId, out var check) ? check.Priority <= threshold
                    : system.Heartbeats.TryGetValue(checkId, out var heartbeat) && heartbeat.Priority <= threshold;
            }
        }

        return false;
    }
}
