using StandbyOps.Configuration;
using StandbyOps.Configuration.Heartbeats;

namespace StandbyOps.Monitoring.Heartbeats;

/// <summary>Finds the heartbeat a ping token belongs to. Tokens are unique across the configuration (the loader checks).</summary>
public sealed class HeartbeatDirectory
{
    private readonly Dictionary<string, HeartbeatTarget> _byToken;

    /// <summary>Indexes every heartbeat of <paramref name="config"/>.</summary>
    public HeartbeatDirectory(StandbyOpsConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        _byToken = config.Customers.Values
            .SelectMany(c => c.Systems.Values.SelectMany(s => s.Heartbeats.Values.Select(h => new HeartbeatTarget(c.Id, s.Id, h))))
            .ToDictionary(t => t.Heartbeat.Token, StringComparer.Ordinal);
    }

    /// <summary>The heartbeat with <paramref name="token"/>, or null.</summary>
    public HeartbeatTarget? Find(string token) => _byToken.GetValueOrDefault(token);
}

/// <summary>A heartbeat and where it belongs.</summary>
public sealed record HeartbeatTarget(string CustomerId, string SystemId, HeartbeatConfig Heartbeat);
