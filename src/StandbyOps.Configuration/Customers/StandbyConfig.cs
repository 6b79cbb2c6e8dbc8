using NodaTime;

namespace StandbyOps.Configuration.Customers;

/// <summary>A recurring period of agreed standby.</summary>
public enum StandbyCoverage
{
    Nights,
    Weekends,
    Holidays,
}

/// <summary>
/// The customer's standby agreement: the recurring <see cref="Coverage"/> (empty = none; one-off
/// periods come from the API) and the wall-clock response time inside standby (default 30m).
/// </summary>
public sealed record StandbyConfig(IReadOnlyList<StandbyCoverage> Coverage, Duration ResponseWithin)
{
    public static readonly Duration DefaultResponseWithin = Duration.FromMinutes(30);

    public static readonly StandbyConfig None = new([], DefaultResponseWithin);

    public bool Covers(StandbyCoverage coverage) => Coverage.Contains(coverage);
}
