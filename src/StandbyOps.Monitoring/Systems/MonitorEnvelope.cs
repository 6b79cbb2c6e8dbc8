namespace StandbyOps.Monitoring.Systems;

/// <summary>
/// A message for the monitor of <see cref="SystemId"/>: the entity envelope that
/// <see cref="MonitorMessageExtractor"/> reads (the shape Cluster.Sharding routes by).
/// </summary>
public sealed record MonitorEnvelope(string SystemId, object Message);
