namespace StandbyOps.Server.Reports;

/// <summary>One system's availability over the period against its target (null when the contract names none).</summary>
public sealed record SystemAvailability(
    string System,
    string Name,
    long UpSeconds,
    long DownSeconds,
    long MaintenanceSeconds,
    long UnknownSeconds,
    double? AvailabilityPercent,
    decimal? Target,
    bool? TargetMet,
    IReadOnlyList<CheckAvailability> Checks);
