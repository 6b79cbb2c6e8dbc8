using NodaTime;
using StandbyOps.Configuration.Calendars;

namespace StandbyOps.Configuration.Tests.Calendars;

public sealed class CalendarSectionTests
{
    /// <summary>
    /// <paramref name="calendars"/> (starting at line 1), rate card <c>std</c> and one customer on calendar <c>office</c>
    /// for each of <paramref name="customers"/>.
    /// </summary>
    private static ConfigLoadResult LoadUsedBy(string calendars, params string[] customers) =>
        Loading.Load(calendars + """

            rateCards:
              std: { currency: EUR, hourlyRate: 100, vatPercent: 21 }
            customers:
            """ + string.Concat(customers.Select(id => $"\n  {id}: {{ calendar: office, rateCard: std }}")));

    private static CalendarConfig LoadCalendar(string hours) =>
        Loading.Load($$"""
            calendars:
              office:
                timeZone: Europe/Amsterdam
                hours: {{hours}}
            """).Valid().Calendars["office"];

    [Fact]
    public void A_zone_not_in_the_tzdb_is_an_error_suggesting_the_nearest_zone()
    {
        var result = Loading.Load("""
            calendars:
              office:
                timeZone: Europe/Amsterdm
                hours: { mon-fri: "08:30-17:00" }
            """);

        result.SingleError().AssertAt(3, ["invalid timeZone 'Europe/Amsterdm'", "calendar 'office'", "TZDB"], ["did you mean 'Europe/Amsterdam'?"]);
    }

    [Fact]
    public void A_fixed_offset_written_as_utc_plus_one_is_an_error_explaining_etc_zones()
    {
        var result = Loading.Load("""
            calendars:
              office: { timeZone: UTC+1, hours: { mon-fri: "08:30-17:00" } }
            """);

        result.SingleError().AssertAt(2, ["'UTC+1'"], ["Etc/GMT-1"]);
    }

    [Fact]
    public void Overlapping_ranges_in_one_value_are_an_error()
    {
        var result = Loading.Load("""
            calendars:
              office:
                timeZone: Europe/Amsterdam
                hours:
                  mon: "08:30-12:00,11:00-17:00"
            """);

        result.SingleError().AssertAt(5, ["08:30-12:00 and 11:00-17:00 overlap on mon"], ["08:30-12:00,13:00-17:00"]);
    }

    [Fact]
    public void A_day_named_twice_with_overlapping_hours_is_one_error_at_the_later_line_listing_the_day()
    {
        var result = Loading.Load("""
            calendars:
              office:
                timeZone: Europe/Amsterdam
                hours:
                  mon-fri: "08:30-17:00"
                  fri: "08:30-15:00"
            """);

        result.SingleError().AssertAt(6, ["overlap on fri"], ["mon-thu"]);
    }

    [Fact]
    public void A_range_that_ends_before_it_starts_is_an_error()
    {
        var result = Loading.Load("""
            calendars:
              office:
                timeZone: Europe/Amsterdam
                hours:
                  sat: "18:00-08:00"
            """);

        result.SingleError().AssertAt(5, ["18:00-08:00", "ends before it starts"], ["24:00"]);
    }

    [Fact]
    public void Ranges_that_touch_do_not_overlap_and_are_sorted()
    {
        var calendar = LoadCalendar("""{ mon: "13:00-17:00,08:30-13:00" }""");

        Assert.Equal(
            [new TimeRange(new LocalTime(8, 30), new LocalTime(13, 0)), new TimeRange(new LocalTime(13, 0), new LocalTime(17, 0))],
            calendar.Hours[IsoDayOfWeek.Monday]);
    }

    [Fact]
    public void Twenty_four_hundred_ends_a_range_at_midnight()
    {
        var calendar = LoadCalendar("""{ mon-sun: "00:00-24:00" }""");

        var range = Assert.Single(calendar.Hours[IsoDayOfWeek.Sunday]);
        Assert.True(range.EndsAtMidnight);
        Assert.Equal(Duration.FromHours(24), range.Length);
        Assert.Equal("00:00-24:00", range.ToString());
    }

    [Fact]
    public void Ranges_may_be_given_as_a_list()
    {
        var calendar = LoadCalendar("""{ tue: ["08:30-12:00", "13:00-17:00"] }""");

        Assert.Equal(2, calendar.Hours[IsoDayOfWeek.Tuesday].Count);
        Assert.Empty(calendar.Hours[IsoDayOfWeek.Monday]);
    }

    [Fact]
    public void A_time_without_two_digit_hours_is_an_error_showing_the_form()
    {
        var result = Loading.Load("""
            calendars:
              office:
                timeZone: Europe/Amsterdam
                hours: { mon-fri: "8:30-17:00" }
            """);

        result.SingleError().AssertAt(4, ["'8:30-17:00'", "HH:mm"], ["HH:mm-HH:mm"]);
    }

    [Fact]
    public void A_minute_past_59_is_an_error()
    {
        var result = Loading.Load("""
            calendars:
              office: { timeZone: Europe/Amsterdam, hours: { mon: "08:30-17:60" } }
            """);

        result.SingleError().AssertAt(2, ["minute 00-59"], ["HH:mm"]);
    }

    [Fact]
    public void A_bad_day_name_is_an_error_suggesting_the_day()
    {
        var result = Loading.Load("""
            calendars:
              office:
                timeZone: Europe/Amsterdam
                hours:
                  mon-fry: "08:30-17:00"
            """);

        result.SingleError().AssertAt(5, ["invalid day 'mon-fry'"], ["did you mean 'fri'?", "mon-fri"]);
    }

    [Fact]
    public void An_unknown_holiday_set_is_an_error_listing_the_built_in_sets()
    {
        var result = Loading.Load("""
            calendars:
              office:
                timeZone: Europe/Berlin
                hours: { mon-fri: "08:30-17:00" }
                holidays: [DE-BY, DE-XX]
            """);

        result.SingleError().AssertAt(5, ["unknown holiday set 'DE-XX'", "calendar 'office'"], ["DE-BY-MUC", "DE-NI", "NL", "UK-SCT", "US"]);
    }

    [Fact]
    public void Every_known_holiday_set_is_accepted()
    {
        var calendar = Loading.Load("""
            calendars:
              office:
                timeZone: Europe/Amsterdam
                hours: { mon-fri: "08:30-17:00" }
                holidays: [NL, DE-BY, DE-BY-MUC, US, DE, DE-NI, AT, BE, FR, CH, CH-ZH, UK, UK-SCT]
            """).Valid().Calendars["office"];

        Assert.Equal(["NL", "DE-BY", "DE-BY-MUC", "US", "DE", "DE-NI", "AT", "BE", "FR", "CH", "CH-ZH", "UK", "UK-SCT"], calendar.HolidaySets);
        Assert.All(calendar.HolidaySets, name => Assert.Contains(name, KnownHolidaySets.Names));
    }

    [Fact]
    public void A_calendar_defines_its_own_rules_by_date_easter_offset_and_nth_weekday()
    {
        var calendar = Loading.Load("""
            calendars:
              ni-office:
                timeZone: Europe/Berlin
                hours: { mon-fri: "08:30-17:00" }
                holidays: [DE-NI]
                rules:
                  - { name: Company day, date: "06-01" }
                  - { name: Day after Ascension, easterOffset: 40 }
                  - { name: Thanksgiving Friday, nth: 4, weekday: thu, month: 11, offsetDays: 1 }
            """).Valid().Calendars["ni-office"];

        Assert.Equal(["Company day", "Day after Ascension", "Thanksgiving Friday"], calendar.Rules!.Select(r => r.Name));
        Assert.Equal(
            [new NodaTime.LocalDate(2026, 6, 1), new NodaTime.LocalDate(2026, 5, 15), new NodaTime.LocalDate(2026, 11, 27)],
            calendar.Rules!.Select(r => r.DateIn(2026)!.Value));
    }

    [Fact]
    public void A_rule_naming_two_kinds_or_a_bad_date_is_an_error_at_its_line()
    {
        var result = Loading.Load("""
            calendars:
              office:
                timeZone: Europe/Berlin
                hours: { mon-fri: "08:30-17:00" }
                rules:
                  - { name: Both, date: "06-01", easterOffset: 40 }
                  - { name: Bad date, date: "02-30" }
            """);

        Assert.Equal([6, 7], result.Errors.Select(e => e.Line));
        Assert.Contains("needs exactly one", result.Errors.First().ToString(), StringComparison.Ordinal);
        Assert.Contains("MM-dd", result.Errors.Last().ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_extra_date_is_an_error()
    {
        var result = Loading.Load("""
            calendars:
              office:
                timeZone: Europe/Amsterdam
                hours: { mon-fri: "08:30-17:00" }
                extra: ["2026-12-24", "24-12-2026"]
            """);

        result.SingleError().AssertAt(5, ["invalid extra '24-12-2026'"], ["yyyy-MM-dd"]);
    }

    [Fact]
    public void A_calendar_without_hours_is_an_error()
    {
        var result = Loading.Load("""
            calendars:
              office:
                timeZone: Europe/Amsterdam
            """);

        result.SingleError().AssertAt(2, ["missing 'hours'", "calendar 'office'"], ["mon-fri"]);
    }

    [Fact]
    public void A_calendar_with_empty_hours_used_by_a_customer_is_an_error_at_the_calendar()
    {
        var result = LoadUsedBy("""
            calendars:
              nl: { timeZone: Europe/Amsterdam, hours: { mon-fri: "08:30-17:00" } }
              office:
                timeZone: Europe/Amsterdam
                hours: {}
            """, "acme");

        var error = result.SingleError();
        error.AssertAt(3, ["calendar 'office' has no opening hours", "customer 'acme' uses it"], ["hours of calendar 'office'"]);
        Assert.Equal(
            "standbyops.yaml:3:3: error: calendar 'office' has no opening hours but customer 'acme' uses it: business-hours SLA deadlines on it would never fall due. "
            + "Fix: add opening ranges under hours of calendar 'office', e.g. hours: { mon-fri: \"08:30-17:00\" }, or hours: { mon-sun: \"00:00-24:00\" } for a calendar that is always open",
            error.ToString());
    }

    [Fact]
    public void A_calendar_whose_days_are_all_empty_is_one_error_naming_every_customer_that_uses_it()
    {
        var result = LoadUsedBy("""
            calendars:
              office:
                timeZone: Europe/Amsterdam
                hours:
                  mon-fri: []
                  sat:
            """, "acme", "globex");

        result.SingleError().AssertAt(2, ["calendar 'office' has no opening hours", "customers 'acme', 'globex' use it"], ["mon-fri"]);
    }

    [Fact]
    public void A_calendar_with_empty_hours_that_no_customer_uses_loads()
    {
        var config = LoadUsedBy("""
            calendars:
              office: { timeZone: Europe/Amsterdam, hours: {} }
            """).Valid();

        Assert.All(config.Calendars["office"].Hours.Values, Assert.Empty);
    }

    [Fact]
    public void A_calendar_open_on_one_day_used_by_a_customer_loads()
    {
        var config = LoadUsedBy("""
            calendars:
              office:
                timeZone: Europe/Amsterdam
                hours:
                  mon-fri: []
                  sat: "10:00-12:00"
            """, "acme").Valid();

        var calendar = config.Calendars["office"];
        Assert.Single(calendar.Hours[IsoDayOfWeek.Saturday]);
        Assert.Empty(calendar.Hours[IsoDayOfWeek.Monday]);
        Assert.Equal("office", config.Customers["acme"].Calendar);
    }

    [Fact]
    public void A_used_calendar_whose_only_range_is_invalid_is_one_error_at_the_range()
    {
        var result = LoadUsedBy("""
            calendars:
              office: { timeZone: Europe/Amsterdam, hours: { mon-fri: "8:30-17:00" } }
            """, "acme");

        result.SingleError().AssertAt(2, ["'8:30-17:00'"], ["HH:mm-HH:mm"]);
    }

    [Fact]
    public void An_invalid_calendar_id_is_an_error()
    {
        var result = Loading.Load("""
            calendars:
              "nl office": { timeZone: Europe/Amsterdam, hours: { mon-fri: "08:30-17:00" } }
            """);

        result.SingleError().AssertAt(2, ["invalid calendar id 'nl office'"], ["letters, digits"]);
    }
}
