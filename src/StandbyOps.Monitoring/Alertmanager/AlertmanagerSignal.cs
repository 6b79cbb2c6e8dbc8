using StandbyOps.Incidents.Signals;

namespace StandbyOps.Monitoring.Alertmanager;

/// <summary>What one alert of a notification becomes: a failure (firing) or a recovery (resolved), and where it was routed.</summary>
public sealed record AlertmanagerSignal(AlertRoute Route, FailureSignal? Failure, RecoverySignal? Recovery);
