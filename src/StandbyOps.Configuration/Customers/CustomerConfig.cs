using StandbyOps.Configuration.Systems;

namespace StandbyOps.Configuration.Customers;

/// <summary>
/// A customer's contract: its calendar, rate card and (optional) team by id, SLA targets per
/// priority (a priority without an entry has no deadline), the standby agreement and its systems.
/// </summary>
public sealed record CustomerConfig(
    string Id,
    string Name,
    string Calendar,
    string RateCard,
    string? Team,
    IReadOnlyDictionary<PriorityLevel, SlaTermsConfig> Sla,
    StandbyConfig Standby,
    IReadOnlyDictionary<string, SystemConfig> Systems);
