using NodaTime;

namespace StandbyOps.Configuration.RateCards;

/// <summary>
/// A rate card: the standard hourly rate (money as <see cref="decimal"/>), VAT and the standby
/// categories. A category left out of the file takes the DOMAIN.md defaults: holiday 100% min 8 h,
/// weekend sat+sun 08:30–18:00 50% min 4 h, night 18:00–08:30 100% min 2 h, callout 100% min 1 h.
/// </summary>
public sealed record RateCardConfig(
    string Id,
    string Currency,
    decimal HourlyRate,
    decimal VatPercent,
    HolidayRateConfig Holiday,
    WeekendRateConfig Weekend,
    NightRateConfig Night,
    CalloutRateConfig Callout);

/// <summary>Holiday standby: whole holiday dates of the customer's calendar.</summary>
public sealed record HolidayRateConfig(decimal Percent, decimal MinimumHours)
{
    public static readonly HolidayRateConfig Default = new(100m, 8m);
}

/// <summary>Weekend daytime standby on <see cref="Days"/>, <see cref="From"/> to <see cref="To"/> (From &lt; To).</summary>
public sealed record WeekendRateConfig(IReadOnlyList<IsoDayOfWeek> Days, LocalTime From, LocalTime To, decimal Percent, decimal MinimumHours)
{
    public static readonly WeekendRateConfig Default =
        new([IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday], new LocalTime(8, 30), new LocalTime(18, 0), 50m, 4m);
}

/// <summary>Night standby every day from <see cref="From"/> to <see cref="To"/>; To &lt; From means the next morning.</summary>
public sealed record NightRateConfig(LocalTime From, LocalTime To, decimal Percent, decimal MinimumHours)
{
    public static readonly NightRateConfig Default = new(new LocalTime(18, 0), new LocalTime(8, 30), 100m, 2m);

    public bool CrossesMidnight => To < From;
}

/// <summary>Worked time after an acknowledged page during standby, billed on top.</summary>
public sealed record CalloutRateConfig(decimal Percent, decimal MinimumHours)
{
    public static readonly CalloutRateConfig Default = new(100m, 1m);
}
