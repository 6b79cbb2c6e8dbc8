using NodaTime;
using StandbyOps.Core.Holidays;
using StandbyOps.Core.Standby;

namespace StandbyOps.Core.Tests.Standby;

/// <summary>The DOMAIN.md standby setting: Europe/Amsterdam, nights 18:00–08:30, Saturday and Sunday 08:30–18:00, NL holidays of 2026.</summary>
internal static class StandardStandby
{
    public static readonly DateTimeZone Amsterdam = DateTimeZoneProviders.Tzdb["Europe/Amsterdam"];

    public static readonly IHolidayCalendar NlHolidays2026 = HolidayCalendar.Of(
    [
        new(2026, 1, 1), new(2026, 4, 5), new(2026, 4, 6), new(2026, 4, 27), new(2026, 5, 14),
        new(2026, 5, 24), new(2026, 5, 25), new(2026, 12, 25), new(2026, 12, 26), new(2027, 1, 1),
    ]);

    public static readonly NightHours Nights = new(new LocalTime(18, 0), new LocalTime(8, 30));

    public static readonly WeekendHours Weekends = new([IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday], new LocalTime(8, 30), new LocalTime(18, 0));

    public static StandbyTerms NlTerms(NightHours? night = null) => new(Amsterdam, night ?? Nights, Weekends, NlHolidays2026);

    /// <summary>An Amsterdam local time that exists exactly once.</summary>
    public static Instant Local(int year, int month, int day, int hour, int minute = 0) =>
        Amsterdam.AtStrictly(new LocalDateTime(year, month, day, hour, minute)).ToInstant();

    public static Interval Period(Instant start, Instant end) => new(start, end);
}
