using StandbyOps.Billing.Store;
using StandbyOps.Configuration.Customers;
using StandbyOps.Incidents.Contracts;

namespace StandbyOps.Server.Web;

/// <summary>A customer of a team on the rota timeline: its contract and its one-off standby periods in the period shown.</summary>
public sealed record RotaCustomerLane(CustomerConfig Customer, CustomerContract Contract, IReadOnlyList<StoredStandbyPeriod> Periods);
