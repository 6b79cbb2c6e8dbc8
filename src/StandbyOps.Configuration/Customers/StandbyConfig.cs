using NodaTime;
using StandbyOps.Core.Standby;

namespace StandbyOps.Configuration.Customers;

/// <summary>
/// The customer's standby agreement: the recurring <see cref="Coverage"/> (<see cref="StandbyCoverage.None"/> = none; one-off
/// periods come from the API) and the wall-clock response time inside standby (default 30m).
/// </summary>
public sealed record StandbyConfig(StandbyCoverage Coverage, Duration ResponseWithin)
{
    public static readonly Duration DefaultResponseWithin = Duration.FromMinutes(30);

    public static readonly StandbyConfig None = new(StandbyCoverage.None, DefaultResponseWithin);
}
