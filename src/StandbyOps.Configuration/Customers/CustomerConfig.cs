using StandbyOps.Configuration.Systems;

namespace StandbyOps.Configuration.Customers;

/// <summary>
/// A customer's contract: its calendar, rate card and (optional) team by id, SLA targets per
/// priority (a priority without an entry has no deadline), the standby agreement, its systems, its contacts
/// (null: none), its periodic ticket updates (null: none) and how its invoices name it (null: by its name only).
/// </summary>
public sealed record CustomerConfig(
    string Id,
    string Name,
    string Calendar,
    string RateCard,
    string? Team,
    IReadOnlyDictionary<PriorityLevel, SlaTermsConfig> Sla,
    StandbyConfig Standby,
    IReadOnlyDictionary<string, SystemConfig> Systems,
    IReadOnlyList<ContactConfig>? Contacts = null,
    UpdatesConfig? Updates = null,
    CustomerBillingConfig? Billing = null);
