using StandbyOps.Core.Sla;

namespace StandbyOps.Configuration.Customers;

/// <summary>
/// The desk's follow-up reviews (NETCOR: level 1 "followed daily"): while a ticket of one of <see cref="Priorities"/> is
/// unresolved, a review is due every <see cref="Every"/> from opening (business time walks the customer's calendar).
/// </summary>
public sealed record FollowUpConfig(IReadOnlyList<Priority> Priorities, SlaTargetConfig Every);
