using NodaTime;
using StandbyOps.Core.Holidays;
using static StandbyOps.Core.Tests.TestTime;

namespace StandbyOps.Core.Tests.Holidays;

public class HolidayRuleSetTests
{
    public static TheoryData<string, int, string[]> FullYears => new()
    {
        {
            "NL", 2026,
            [
                "2026-01-01 New Year's Day", "2026-04-05 Easter Sunday", "2026-04-06 Easter Monday", "2026-04-27 King's Day",
                "2026-05-14 Ascension Day", "2026-05-24 Whit Sunday", "2026-05-25 Whit Monday", "2026-12-25 Christmas Day",
                "2026-12-26 Second Day of Christmas",
            ]
        },
        {
            "NL", 2025,
            [
                "2025-01-01 New Year's Day", "2025-04-20 Easter Sunday", "2025-04-21 Easter Monday", "2025-04-26 King's Day",
                "2025-05-05 Liberation Day", "2025-05-29 Ascension Day", "2025-06-08 Whit Sunday", "2025-06-09 Whit Monday",
                "2025-12-25 Christmas Day", "2025-12-26 Second Day of Christmas",
            ]
        },
        {
            "DE-BY", 2026,
            [
                "2026-01-01 New Year's Day", "2026-01-06 Epiphany", "2026-04-03 Good Friday", "2026-04-06 Easter Monday",
                "2026-05-01 Labour Day", "2026-05-14 Ascension Day", "2026-05-25 Whit Monday", "2026-06-04 Corpus Christi",
                "2026-10-03 German Unity Day", "2026-11-01 All Saints' Day", "2026-12-25 Christmas Day", "2026-12-26 St. Stephen's Day",
            ]
        },
        {
            "DE-BY-MUC", 2026,
            [
                "2026-01-01 New Year's Day", "2026-01-06 Epiphany", "2026-04-03 Good Friday", "2026-04-06 Easter Monday",
                "2026-05-01 Labour Day", "2026-05-14 Ascension Day", "2026-05-25 Whit Monday", "2026-06-04 Corpus Christi",
                "2026-08-15 Assumption Day", "2026-10-03 German Unity Day", "2026-11-01 All Saints' Day", "2026-12-25 Christmas Day",
                "2026-12-26 St. Stephen's Day",
            ]
        },
        {
            "US", 2026,
            [
                "2026-01-01 New Year's Day", "2026-01-19 Martin Luther King Jr. Day", "2026-02-16 Washington's Birthday",
                "2026-05-25 Memorial Day", "2026-06-19 Juneteenth National Independence Day", "2026-07-03 Independence Day (observed)",
                "2026-07-04 Independence Day", "2026-09-07 Labor Day", "2026-10-12 Columbus Day", "2026-11-11 Veterans Day",
                "2026-11-26 Thanksgiving Day", "2026-12-25 Christmas Day",
            ]
        },
        {
            "US", 2027,
            [
                "2027-01-01 New Year's Day", "2027-01-18 Martin Luther King Jr. Day", "2027-02-15 Washington's Birthday",
                "2027-05-31 Memorial Day", "2027-06-18 Juneteenth National Independence Day (observed)",
                "2027-06-19 Juneteenth National Independence Day", "2027-07-04 Independence Day",
                "2027-07-05 Independence Day (observed)", "2027-09-06 Labor Day", "2027-10-11 Columbus Day",
                "2027-11-11 Veterans Day", "2027-11-25 Thanksgiving Day", "2027-12-24 Christmas Day (observed)",
                "2027-12-25 Christmas Day", "2027-12-31 New Year's Day (observed)",
            ]
        },
    };

    [Theory]
    [MemberData(nameof(FullYears))]
    public void A_built_in_set_lists_every_holiday_of_a_year_in_date_order(string set, int year, string[] expected)
    {
        var actual = HolidayRuleSet.Get(set).HolidaysIn(year).Select(h => $"{h.Date:yyyy-MM-dd} {h.Name}");

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Kings_day_2025_falls_on_26_april_because_27_april_is_a_sunday()
    {
        Assert.True(HolidayRuleSet.Netherlands.IsHoliday(Date("2025-04-26")));
        Assert.False(HolidayRuleSet.Netherlands.IsHoliday(Date("2025-04-27")));
    }

    [Theory]
    [InlineData(2025, true)]
    [InlineData(2026, false)]
    [InlineData(2027, false)]
    [InlineData(2028, false)]
    [InlineData(2029, false)]
    [InlineData(2030, true)]
    public void Liberation_day_is_a_holiday_only_in_lustrum_years(int year, bool expected)
    {
        Assert.Equal(expected, HolidayRuleSet.Netherlands.IsHoliday(new LocalDate(year, 5, 5)));
    }

    [Fact]
    public void Munich_observes_assumption_day_and_the_rest_of_bavaria_does_not()
    {
        Assert.True(HolidayRuleSet.Munich.IsHoliday(Date("2026-08-15")));
        Assert.False(HolidayRuleSet.Bavaria.IsHoliday(Date("2026-08-15")));
    }

    [Fact]
    public void A_german_holiday_on_a_weekend_stays_on_the_weekend()
    {
        // German Unity Day 2026 is a Saturday; nothing moves to Friday or Monday.
        Assert.True(HolidayRuleSet.Bavaria.IsHoliday(Date("2026-10-03")));
        Assert.False(HolidayRuleSet.Bavaria.IsHoliday(Date("2026-10-02")));
        Assert.False(HolidayRuleSet.Bavaria.IsHoliday(Date("2026-10-05")));
    }

    [Fact]
    public void A_dutch_holiday_on_a_weekend_is_still_a_holiday()
    {
        // Christmas 2027 is a Saturday and the second day a Sunday.
        Assert.True(HolidayRuleSet.Netherlands.IsHoliday(Date("2027-12-25")));
        Assert.True(HolidayRuleSet.Netherlands.IsHoliday(Date("2027-12-26")));
        Assert.False(HolidayRuleSet.Netherlands.IsHoliday(Date("2027-12-27")));
    }

    [Fact]
    public void New_year_2028_is_observed_in_the_us_on_friday_31_december_2027()
    {
        var us = HolidayRuleSet.UnitedStates;

        Assert.Contains(new Holiday(Date("2027-12-31"), "New Year's Day (observed)"), us.HolidaysIn(2027));
        Assert.True(us.IsHoliday(Date("2027-12-31")));
    }

    [Fact]
    public void The_observed_day_of_new_year_2028_is_not_listed_in_2028()
    {
        var holidays2028 = HolidayRuleSet.UnitedStates.HolidaysIn(2028);

        Assert.Contains(new Holiday(Date("2028-01-01"), "New Year's Day"), holidays2028);
        Assert.DoesNotContain(holidays2028, h => h.Name.EndsWith("(observed)", StringComparison.Ordinal) && h.Date.Month == 1 && h.Date.Day == 1);
        Assert.Equal(Date("2028-01-01"), holidays2028[0].Date);
    }

    [Fact]
    public void A_us_holiday_on_a_sunday_is_observed_on_the_monday_after()
    {
        Assert.Equal(
            [new Holiday(Date("2027-07-05"), "Independence Day (observed)")],
            HolidayRuleSet.UnitedStates.HolidaysOn(Date("2027-07-05")));
    }

    [Fact]
    public void Juneteenth_is_a_us_holiday_from_2021()
    {
        Assert.False(HolidayRuleSet.UnitedStates.IsHoliday(Date("2020-06-19")));
        Assert.True(HolidayRuleSet.UnitedStates.IsHoliday(Date("2021-06-19")));
        Assert.True(HolidayRuleSet.UnitedStates.IsHoliday(Date("2021-06-18"))); // observed Friday
    }

    [Fact]
    public void An_ordinary_working_day_is_not_a_holiday()
    {
        Assert.False(HolidayRuleSet.Netherlands.IsHoliday(Date("2026-11-20")));
        Assert.Empty(HolidayRuleSet.Netherlands.HolidaysOn(Date("2026-11-20")));
    }

    [Fact]
    public void The_built_in_names_are_nl_de_by_de_by_muc_and_us()
    {
        Assert.Equal(["DE-BY", "DE-BY-MUC", "NL", "US"], HolidayRuleSet.Names);
    }

    [Fact]
    public void Looking_up_a_set_ignores_case()
    {
        Assert.True(HolidayRuleSet.TryGet("de-by-muc", out var set));
        Assert.Same(HolidayRuleSet.Munich, set);
    }

    [Fact]
    public void Getting_an_unknown_set_names_the_known_ones()
    {
        var error = Assert.Throws<ArgumentException>(() => HolidayRuleSet.Get("FR"));

        Assert.Contains("'FR'", error.Message, StringComparison.Ordinal);
        Assert.Contains("DE-BY, DE-BY-MUC, NL, US", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Trying_an_unknown_set_returns_false()
    {
        Assert.False(HolidayRuleSet.TryGet("XX", out var set));
        Assert.Null(set);
    }
}
