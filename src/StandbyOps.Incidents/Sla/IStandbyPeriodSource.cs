using NodaTime;
using StandbyOps.Billing.Standby;
using StandbyOps.Core.Standby;

namespace StandbyOps.Incidents.Sla;

/// <summary>
/// A customer's one-off agreed standby periods (API.md <c>/customers/{customer}/standby-periods</c>), which count
/// as agreed standby on top of the contract's recurring coverage. The stage that owns those periods registers an
/// implementation in DI; <see cref="NoStandbyPeriods"/> is the default until it exists.
/// </summary>
public interface IStandbyPeriodSource
{
    /// <summary>The periods of <paramref name="customer"/> overlapping <paramref name="range"/>.</summary>
    /// <remarks>Called while the desk holds its write transaction: read the store if needed, never write to it.</remarks>
    Task<IReadOnlyList<StandbyPeriod>> PeriodsAsync(string customer, Interval range, CancellationToken cancellationToken);
}
