using NodaTime;
using StandbyOps.Core.Calendars;
using StandbyOps.Core.Holidays;
using static StandbyOps.Core.Tests.Calendars.TestCalendars;
using static StandbyOps.Core.Tests.TestTime;

namespace StandbyOps.Core.Tests.Calendars;

public class BusinessCalendarTests
{
    [Theory]
    [InlineData("2026-11-20 15:00", 240, "2026-11-23 10:30")] // DOMAIN.md: Friday afternoon → Monday morning
    [InlineData("2026-11-20 13:00", 240, "2026-11-20 17:00")] // exactly at closing: stays at the close
    [InlineData("2026-11-24 22:00", 60, "2026-11-25 09:30")] // opened at night: the clock starts at the next opening
    [InlineData("2026-11-21 10:00", 240, "2026-11-23 12:30")] // opened on a Saturday
    [InlineData("2026-12-24 16:00", 120, "2026-12-28 09:30")] // Christmas Friday and Saturday, then Sunday
    [InlineData("2026-12-31 16:00", 240, "2027-01-04 11:30")] // across the year end and New Year's Day
    [InlineData("2026-04-24 16:00", 120, "2026-04-28 09:30")] // King's Day Monday 27 April 2026
    [InlineData("2026-03-27 15:00", 240, "2026-03-30 10:30")] // DST starts on the weekend: local hours unchanged
    [InlineData("2026-10-23 15:00", 240, "2026-10-26 10:30")] // DST ends on the weekend: local hours unchanged
    public void Adding_business_hours_walks_the_nl_office_calendar(string start, int minutes, string expected)
    {
        var due = NlOffice.AddBusinessTime(Ams(start), Duration.FromMinutes(minutes));

        Assert.Equal(expected, LocalText(due, Amsterdam));
    }

    [Fact]
    public void Adding_four_business_hours_on_friday_afternoon_lands_on_monday()
    {
        Assert.Equal(Ams("2026-11-23 10:30"), NlOffice.AddBusinessTime(Ams("2026-11-20 15:00"), Duration.FromHours(4)));
    }

    [Fact]
    public void Adding_nothing_while_open_stays_put()
    {
        Assert.Equal(Ams("2026-11-20 15:00"), NlOffice.AddBusinessTime(Ams("2026-11-20 15:00"), Duration.Zero));
    }

    [Fact]
    public void Adding_nothing_while_closed_gives_the_next_opening()
    {
        Assert.Equal(Ams("2026-11-23 08:30"), NlOffice.AddBusinessTime(Ams("2026-11-20 17:00"), Duration.Zero));
    }

    [Fact]
    public void Adding_negative_business_time_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NlOffice.AddBusinessTime(Ams("2026-11-20 15:00"), Duration.FromMinutes(-1)));
    }

    [Fact]
    public void A_year_of_business_time_crosses_into_the_next_year()
    {
        // 2027 has 261 weekdays, 5 of them NL holidays (1 Jan, Easter Monday, King's Day, Ascension, Whit Monday; Christmas is a weekend).
        var start = Ams("2027-01-01 00:00");
        var due = NlOffice.AddBusinessTime(start, Duration.FromMinutes(256 * 510));

        Assert.Equal("2027-12-31 17:00", LocalText(due, Amsterdam));
        Assert.Equal(Duration.FromMinutes(256 * 510), NlOffice.BusinessTimeBetween(start, Ams("2028-01-01 00:00")));
    }

    [Theory]
    [InlineData("2026-11-23 08:30", true)]
    [InlineData("2026-11-23 16:59", true)]
    [InlineData("2026-11-23 17:00", false)]
    [InlineData("2026-11-23 08:29", false)]
    [InlineData("2026-11-21 12:00", false)] // Saturday
    [InlineData("2026-12-25 12:00", false)] // Christmas Day
    public void Is_open_follows_the_opening_hours_and_holidays(string local, bool expected)
    {
        Assert.Equal(expected, NlOffice.IsOpen(Ams(local)));
    }

    [Fact]
    public void The_last_instant_before_closing_is_open()
    {
        Assert.True(NlOffice.IsOpen(Ams("2026-11-23 17:00") - Duration.Epsilon));
    }

    [Theory]
    [InlineData("2026-11-23 10:00", "2026-11-23 10:00")] // open: itself
    [InlineData("2026-11-23 17:00", "2026-11-24 08:30")]
    [InlineData("2026-04-25 10:00", "2026-04-28 08:30")] // Saturday before King's Day Monday
    [InlineData("2026-12-31 18:00", "2027-01-04 08:30")] // across the year end
    public void Next_opening_is_the_instant_itself_when_open_or_the_next_opening(string local, string expected)
    {
        Assert.Equal(expected, LocalText(NlOffice.NextOpening(Ams(local)), Amsterdam));
    }

    [Fact]
    public void A_full_week_has_five_business_days_of_eight_and_a_half_hours()
    {
        Assert.Equal(Duration.FromMinutes(5 * 510), NlOffice.BusinessTimeBetween(Ams("2026-11-23 00:00"), Ams("2026-11-30 00:00")));
    }

    [Fact]
    public void Business_time_between_reversed_instants_is_negative()
    {
        Assert.Equal(-Duration.FromHours(2), NlOffice.BusinessTimeBetween(Ams("2026-11-23 11:00"), Ams("2026-11-23 09:00")));
    }

    [Fact]
    public void Business_time_over_the_weekend_counts_only_open_time()
    {
        Assert.Equal(Duration.FromHours(2), NlOffice.BusinessTimeBetween(Ams("2026-03-27 16:00"), Ams("2026-03-30 09:30")));
    }

    [Fact]
    public void Two_business_days_from_friday_afternoon_end_on_tuesday_afternoon()
    {
        Assert.Equal("2026-11-24 15:00", LocalText(NlOffice.AddBusinessDays(Ams("2026-11-20 15:00"), 2), Amsterdam));
    }

    [Fact]
    public void Half_a_business_day_is_half_the_regular_opening()
    {
        Assert.Equal("2026-11-23 12:45", LocalText(NlOffice.AddBusinessDays(Ams("2026-11-23 08:30"), 0.5m), Amsterdam));
    }

    [Fact]
    public void The_business_day_length_of_an_08_30_to_17_00_calendar_is_eight_and_a_half_hours()
    {
        Assert.Equal(Duration.FromMinutes(510), NlOffice.BusinessDayLength);
    }

    [Theory]
    [InlineData("Europe/Amsterdam", "00:00-04:00", "2026-03-29", 180)] // 02:00-03:00 does not exist
    [InlineData("Europe/Amsterdam", "00:00-04:00", "2026-10-25", 300)] // 02:00-03:00 happens twice
    [InlineData("Europe/Amsterdam", "00:00-04:00", "2026-03-28", 240)]
    [InlineData("America/New_York", "00:00-04:00", "2026-03-08", 180)]
    [InlineData("America/New_York", "00:00-04:00", "2026-11-01", 300)]
    [InlineData("America/New_York", "00:00-04:00", "2026-11-02", 240)]
    [InlineData("Europe/Amsterdam", "02:00-04:00", "2026-03-29", 60)] // range partly in the gap is shortened
    [InlineData("Europe/Amsterdam", "02:30-04:00", "2026-03-29", 30)]
    [InlineData("Europe/Amsterdam", "02:00-03:00", "2026-10-25", 120)] // an ambiguous start takes the earlier pass
    [InlineData("Europe/Amsterdam", "08:30-17:00", "2026-03-29", 510)] // ordinary office hours are untouched
    public void Business_time_on_dst_switch_days_is_elapsed_time(string zoneId, string range, string date, int expectedMinutes)
    {
        var zone = DateTimeZoneProviders.Tzdb[zoneId];
        var calendar = Range(zone, range);
        var day = Date(date);

        var businessTime = calendar.BusinessTimeBetween(zone.AtStartOfDay(day).ToInstant(), zone.AtStartOfDay(day.PlusDays(1)).ToInstant());

        Assert.Equal(Duration.FromMinutes(expectedMinutes), businessTime);
    }

    [Fact]
    public void Adding_business_time_across_the_spring_gap_skips_the_missing_hour()
    {
        // 03:00–04:00 on Saturday, then from 01:00 CET on Sunday: one hour later the clock shows 03:00 CEST.
        var due = AmsterdamNightShift.AddBusinessTime(Ams("2026-03-28 03:00"), Duration.FromHours(2));

        Assert.Equal(Utc("2026-03-29T01:00:00Z"), due);
        Assert.Equal("2026-03-29 03:00", LocalText(due, Amsterdam));
    }

    [Fact]
    public void Adding_business_time_across_the_autumn_overlap_counts_the_repeated_hour()
    {
        // Sunday 25 Oct opens 01:00 CEST (23:00Z Sat) and closes 04:00 CET (03:00Z): four hours.
        var due = AmsterdamNightShift.AddBusinessTime(Ams("2026-10-25 01:00"), Duration.FromHours(4));

        Assert.Equal(Utc("2026-10-25T03:00:00Z"), due);
    }

    [Fact]
    public void Adding_business_time_across_new_yorks_spring_gap_lands_at_the_local_time()
    {
        var calendar = Range(NewYork, "00:00-04:00");

        var due = calendar.AddBusinessTime(Ny("2026-03-08 00:00"), Duration.FromHours(3));

        Assert.Equal("2026-03-08 04:00", LocalText(due, NewYork));
    }

    [Fact]
    public void An_opening_range_partly_in_the_gap_opens_at_the_end_of_the_gap()
    {
        var calendar = Range(Amsterdam, "02:30-04:00");

        var intervals = calendar.OpenIntervals(Ams("2026-03-29 00:00"), Ams("2026-03-30 00:00")).ToList();

        Assert.Equal([new Interval(Utc("2026-03-29T01:30:00Z"), Utc("2026-03-29T02:00:00Z"))], intervals);
    }

    [Theory]
    [InlineData("2026-11-23 11:00", 120, "2026-11-23 14:00")] // through the lunch break
    [InlineData("2026-11-23 10:00", 120, "2026-11-23 12:00")] // exactly at the morning's close
    [InlineData("2026-11-23 12:30", 30, "2026-11-23 13:30")] // opened during lunch
    [InlineData("2026-11-25 16:00", 120, "2026-11-27 09:30")] // Thanksgiving Thursday
    public void A_calendar_with_two_ranges_per_day_skips_the_break(string start, int minutes, string expected)
    {
        Assert.Equal(expected, LocalText(UsLunchBreak.AddBusinessTime(Ny(start), Duration.FromMinutes(minutes)), NewYork));
    }

    [Fact]
    public void A_calendar_with_two_ranges_per_day_is_closed_between_them()
    {
        Assert.False(UsLunchBreak.IsOpen(Ny("2026-11-23 12:30")));
        Assert.Equal(Ny("2026-11-23 13:00"), UsLunchBreak.NextOpening(Ny("2026-11-23 12:30")));
    }

    [Fact]
    public void A_business_day_with_two_ranges_is_their_total()
    {
        Assert.Equal(Duration.FromMinutes(450), UsLunchBreak.BusinessDayLength);
        Assert.Equal("2026-11-25 16:00", LocalText(UsLunchBreak.AddBusinessDays(Ny("2026-11-23 16:00"), 2), NewYork));
    }

    [Fact]
    public void An_extra_closed_date_is_a_holiday_of_the_calendar()
    {
        var calendar = new BusinessCalendar(
            Amsterdam, NlOffice.Hours, [HolidayRuleSet.Netherlands], extraClosedDates: [Date("2026-12-24")]);

        Assert.True(calendar.IsHoliday(Date("2026-12-24")));
        Assert.Contains(new Holiday(Date("2026-12-24"), BusinessCalendar.ExtraClosedDateName), calendar.HolidaysIn(2026));
        Assert.Equal("2026-12-28 09:30", LocalText(calendar.AddBusinessTime(Ams("2026-12-23 16:00"), Duration.FromHours(2)), Amsterdam));
    }

    [Fact]
    public void An_excepted_holiday_is_an_ordinary_working_day()
    {
        var calendar = new BusinessCalendar(
            Amsterdam, NlOffice.Hours, [HolidayRuleSet.Netherlands], exceptedHolidays: [Date("2026-04-27")]);

        Assert.False(calendar.IsHoliday(Date("2026-04-27")));
        Assert.True(calendar.IsOpen(Ams("2026-04-27 10:00")));
        Assert.DoesNotContain(calendar.HolidaysIn(2026), h => h.Date == Date("2026-04-27"));
        Assert.False(NlOffice.IsOpen(Ams("2026-04-27 10:00")));
    }

    [Fact]
    public void Open_intervals_are_clipped_to_the_window()
    {
        var intervals = NlOffice.OpenIntervals(Ams("2026-11-25 12:00"), Ams("2026-11-30 10:00"))
            .Select(i => $"{LocalText(i.Start, Amsterdam)}..{LocalText(i.End, Amsterdam)}");

        Assert.Equal(
            ["2026-11-25 12:00..2026-11-25 17:00", "2026-11-26 08:30..2026-11-26 17:00", "2026-11-27 08:30..2026-11-27 17:00", "2026-11-30 08:30..2026-11-30 10:00"],
            intervals);
    }

    [Fact]
    public void Touching_open_intervals_are_merged_also_across_the_year_end()
    {
        var allDay = Range(Amsterdam, "00:00-24:00");

        var intervals = allDay.OpenIntervals(Ams("2026-12-30 12:00"), Ams("2027-01-02 12:00")).ToList();

        Assert.Equal([new Interval(Ams("2026-12-30 12:00"), Ams("2027-01-02 12:00"))], intervals);
    }

    [Fact]
    public void An_empty_window_has_no_open_intervals()
    {
        Assert.Empty(NlOffice.OpenIntervals(Ams("2026-11-23 10:00"), Ams("2026-11-23 10:00")));
    }
}
