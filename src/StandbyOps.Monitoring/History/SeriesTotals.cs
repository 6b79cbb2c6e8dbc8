namespace StandbyOps.Monitoring.History;

/// <summary>
/// The sums of one series (a check, a heartbeat, or a system when <see cref="CheckId"/> is empty) over a
/// period, or over one bucket when read as a row of a picture.
/// </summary>
public sealed record SeriesTotals(
    string SystemId,
    string CheckId,
    string Kind,
    long UpMs,
    long DownMs,
    long MaintenanceMs,
    long? LatencyMinMs,
    long? LatencyMaxMs,
    long LatencySumMs,
    long LatencyCount);
