using StandbyOps.Configuration.Checks;
using StandbyOps.Configuration.Heartbeats;
using StandbyOps.Configuration.PushRules;

namespace StandbyOps.Configuration.Systems;

/// <summary>
/// A managed system. Its id is unique across all customers (it names dedup keys
/// <c>system/check</c>), and its checks, heartbeats and push rules share one id space.
/// <see cref="AlertmanagerMatch"/> is empty when no Alertmanager alerts are routed here.
/// <see cref="AvailabilityTarget"/> (percent, for reports) is null when the contract names none.
/// </summary>
public sealed record SystemConfig(
    string Id,
    string Name,
    Criticality Criticality,
    IReadOnlyDictionary<string, CheckConfig> Checks,
    IReadOnlyDictionary<string, HeartbeatConfig> Heartbeats,
    IReadOnlyDictionary<string, PushRuleConfig> PushRules,
    IReadOnlyDictionary<string, string> AlertmanagerMatch,
    IReadOnlyList<MaintenanceWindowConfig> Maintenance,
    decimal? AvailabilityTarget = null);
