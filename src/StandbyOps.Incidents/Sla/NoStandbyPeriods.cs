using NodaTime;
using StandbyOps.Billing.Standby;
using StandbyOps.Core.Standby;

namespace StandbyOps.Incidents.Sla;

/// <summary>The default <see cref="IStandbyPeriodSource"/>: only recurring coverage counts.</summary>
public sealed class NoStandbyPeriods : IStandbyPeriodSource
{
    public Task<IReadOnlyList<StandbyPeriod>> PeriodsAsync(string customer, Interval range, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<StandbyPeriod>>([]);
}
