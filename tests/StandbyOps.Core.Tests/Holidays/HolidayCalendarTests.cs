using NodaTime;
using StandbyOps.Core.Holidays;

namespace StandbyOps.Core.Tests.Holidays;

public class HolidayCalendarTests
{
    [Fact]
    public void A_date_set_calendar_knows_exactly_its_dates()
    {
        var calendar = HolidayCalendar.Of([new LocalDate(2026, 12, 25)]);

        Assert.True(calendar.IsHoliday(new LocalDate(2026, 12, 25)));
        Assert.False(calendar.IsHoliday(new LocalDate(2026, 12, 24)));
    }

    [Fact]
    public void A_predicate_calendar_asks_the_predicate()
    {
        var calendar = HolidayCalendar.Of(date => date.Day == 1);

        Assert.True(calendar.IsHoliday(new LocalDate(2026, 5, 1)));
        Assert.False(calendar.IsHoliday(new LocalDate(2026, 5, 2)));
    }

    [Fact]
    public void The_empty_calendar_has_no_holidays()
    {
        Assert.False(HolidayCalendar.None.IsHoliday(new LocalDate(2026, 12, 25)));
    }
}
