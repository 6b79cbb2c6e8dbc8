using StandbyOps.Monitoring.Systems;

namespace StandbyOps.Server.Cluster;

/// <summary>A monitor on <see cref="Node"/> set <see cref="Status"/> for <see cref="SystemId"/>.</summary>
public sealed record StatusPublished(string Node, string SystemId, MonitorStatus Status);
