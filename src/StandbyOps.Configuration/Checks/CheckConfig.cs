using NodaTime;
using StandbyOps.Core.Sla;

namespace StandbyOps.Configuration.Checks;

/// <summary>
/// A check StandbyOps runs. Defaults: interval 60s (1h for TLS), timeout 10s, failureThreshold 3,
/// successThreshold 2, autoResolve true. <see cref="Priority"/> is the check's own or else the
/// system's criticality mapped to a priority.
/// </summary>
public sealed record CheckConfig(
    string Id,
    ProbeConfig Probe,
    Duration Interval,
    Duration Timeout,
    int FailureThreshold,
    int SuccessThreshold,
    Priority Priority,
    bool AutoResolve)
{
    public static readonly Duration DefaultInterval = Duration.FromSeconds(60);
    public static readonly Duration DefaultTlsInterval = Duration.FromHours(1);
    public static readonly Duration DefaultTimeout = Duration.FromSeconds(10);
    public const int DefaultFailureThreshold = 3;
    public const int DefaultSuccessThreshold = 2;
}
