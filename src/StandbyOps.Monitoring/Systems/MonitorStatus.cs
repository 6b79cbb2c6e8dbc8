using NodaTime;

namespace StandbyOps.Monitoring.Systems;

/// <summary>
/// What the status API shows for one check or heartbeat: <see cref="State"/> is
/// <c>up|down|pending|maintenance</c>, with the last result's reason and latency.
/// </summary>
public sealed record MonitorStatus(string Id, string Kind, string State, Instant? LastAt, string? Reason, double? LatencySeconds, Instant? Since);
