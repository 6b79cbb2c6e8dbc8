using StandbyOps.Configuration.Systems;
using StandbyOps.Core.Sla;

namespace StandbyOps.Configuration.Customers;

/// <summary>
/// A customer's contract: its calendar, rate card and (optional) team by id, SLA targets per
/// priority (a priority without an entry has no deadline), the standby agreement, its systems, its contacts
/// (null: none), its periodic ticket updates (null: none), the lead time of pre-breach warnings (<c>sla.warnBefore</c>;
/// null: no warnings), the desk's follow-up reviews (null: none), how its invoices name it (null: by its name only) and
/// who gets its monthly SLA report by mail (null: nobody).
/// </summary>
public sealed record CustomerConfig(
    string Id,
    string Name,
    string Calendar,
    string RateCard,
    string? Team,
    IReadOnlyDictionary<Priority, SlaTermsConfig> Sla,
    StandbyConfig Standby,
    IReadOnlyDictionary<string, SystemConfig> Systems,
    IReadOnlyList<ContactConfig>? Contacts = null,
    UpdatesConfig? Updates = null,
    NodaTime.Duration? SlaWarnBefore = null,
    FollowUpConfig? FollowUp = null,
    CustomerBillingConfig? Billing = null,
    ReportsConfig? Reports = null);
