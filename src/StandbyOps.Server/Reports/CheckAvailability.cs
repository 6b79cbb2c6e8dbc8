namespace StandbyOps.Server.Reports;

/// <summary>One check's or heartbeat's availability over the period, with the latency of its results (null for heartbeats).</summary>
public sealed record CheckAvailability(
    string Check,
    string Kind,
    long UpSeconds,
    long DownSeconds,
    long MaintenanceSeconds,
    long UnknownSeconds,
    double? AvailabilityPercent,
    bool CountsForSystem,
    long? LatencyMinMs,
    long? LatencyAvgMs,
    long? LatencyMaxMs);
