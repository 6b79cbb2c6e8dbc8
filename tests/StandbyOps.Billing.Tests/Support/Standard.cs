using NodaTime;
using StandbyOps.Billing.Rates;
using StandbyOps.Billing.Standby;
using StandbyOps.Core.Holidays;

namespace StandbyOps.Billing.Tests.Support;

/// <summary>The DOMAIN.md setting: standard rate €100/h, 21% VAT, Europe/Amsterdam, NL holidays.</summary>
internal static class Standard
{
    public static readonly DateTimeZone Amsterdam = DateTimeZoneProviders.Tzdb["Europe/Amsterdam"];

    public static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];

    public static RateCard StandardCard(decimal hourlyRate = 100m, decimal vatPercent = 21m, NightRate? night = null, WeekendRate? weekend = null) =>
        new(
            "EUR",
            hourlyRate,
            vatPercent,
            new CategoryRate(100m, 8m),
            weekend ?? new WeekendRate([IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday], new LocalTime(8, 30), new LocalTime(18, 0), 50m, 4m),
            night ?? new NightRate(new LocalTime(18, 0), new LocalTime(8, 30), 100m, 2m),
            new CategoryRate(100m, 1m));

    public static ContractTerms NlTerms(RateCard? card = null) => new(Amsterdam, card ?? StandardCard(), NlHolidays2026.Instance);

    public static ContractTerms Terms(DateTimeZone zone, RateCard? card = null, IHolidayCalendar? holidays = null) =>
        new(zone, card ?? StandardCard(), holidays ?? HolidayCalendar.None);

    /// <summary>An Amsterdam local time that exists exactly once (tests never pick ambiguous ones by accident).</summary>
    public static Instant Local(int year, int month, int day, int hour, int minute = 0) =>
        Amsterdam.AtStrictly(new LocalDateTime(year, month, day, hour, minute)).ToInstant();

    public static Interval Period(Instant start, Instant end) => new(start, end);
}
