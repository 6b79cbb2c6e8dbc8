using NodaTime;
using StandbyOps.Core.Calendars;
using StandbyOps.Core.Holidays;

namespace StandbyOps.Core.Tests.Calendars;

/// <summary>The calendars the calendar, SLA and property tests share.</summary>
internal static class TestCalendars
{
    /// <summary>Mon–Fri 08:30–17:00 Europe/Amsterdam, NL holidays (the DOMAIN.md example).</summary>
    public static readonly BusinessCalendar NlOffice = BusinessCalendar.MondayToFriday(
        TestTime.Amsterdam, new LocalTime(8, 30), new LocalTime(17, 0), HolidayRuleSet.Netherlands);

    /// <summary>Mon–Fri 08:30–12:00 and 13:00–17:00 America/New_York, US holidays.</summary>
    public static readonly BusinessCalendar UsLunchBreak = new(
        TestTime.NewYork,
        WeeklyOpeningHours.MondayToFriday(OpeningRange.ParseList("08:30-12:00,13:00-17:00").ToArray()),
        [HolidayRuleSet.UnitedStates]);

    /// <summary>Every day 01:00–04:00 Europe/Amsterdam: the opening itself straddles the DST switches.</summary>
    public static readonly BusinessCalendar AmsterdamNightShift = new(
        TestTime.Amsterdam, WeeklyOpeningHours.EveryDay(OpeningRange.Parse("01:00-04:00")));

    public static BusinessCalendar Range(DateTimeZone zone, string range)
        => new(zone, WeeklyOpeningHours.EveryDay(OpeningRange.Parse(range)));
}
