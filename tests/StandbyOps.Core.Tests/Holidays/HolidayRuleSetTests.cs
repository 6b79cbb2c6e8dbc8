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
                "2026-01-01 New Year", "2026-04-05 Easter", "2026-04-06 Easter Monday", "2026-04-27 King's Day",
                "2026-05-14 Ascension", "2026-05-24 Whit Sunday", "2026-05-25 Whit Monday", "2026-12-25 Christmas",
                "2026-12-26 St Stephen's Day",
            ]
        },
        {
            "NL", 2025,
            [
                "2025-01-01 New Year", "2025-04-20 Easter", "2025-04-21 Easter Monday", "2025-04-26 King's Day",
                "2025-05-05 Liberation Day", "2025-05-29 Ascension", "2025-06-08 Whit Sunday", "2025-06-09 Whit Monday",
                "2025-12-25 Christmas", "2025-12-26 St Stephen's Day",
            ]
        },
        {
            "DE-BY", 2026,
            [
                "2026-01-01 New Year", "2026-01-06 Epiphany", "2026-04-03 Good Friday", "2026-04-06 Easter Monday",
                "2026-05-01 Labour Day", "2026-05-14 Ascension", "2026-05-25 Whit Monday", "2026-06-04 Corpus Christi",
                "2026-10-03 German Unity Day", "2026-11-01 All Saints", "2026-12-25 Christmas", "2026-12-26 St Stephen's Day",
            ]
        },
        {
            "DE-BY-MUC", 2026,
            [
                "2026-01-01 New Year", "2026-01-06 Epiphany", "2026-04-03 Good Friday", "2026-04-06 Easter Monday",
                "2026-05-01 Labour Day", "2026-05-14 Ascension", "2026-05-25 Whit Monday", "2026-06-04 Corpus Christi",
                "2026-08-15 Assumption", "2026-10-03 German Unity Day", "2026-11-01 All Saints", "2026-12-25 Christmas",
                "2026-12-26 St Stephen's Day",
            ]
        },
        {
            "US", 2026,
            [
                "2026-01-01 New Year", "2026-01-19 Martin Luther King Day", "2026-02-16 President's Day",
                "2026-05-25 Memorial Day", "2026-06-19 Juneteenth", "2026-07-03 Independence Day (observed)",
                "2026-07-04 Independence Day", "2026-09-07 Labor Day", "2026-10-12 Columbus Day", "2026-11-11 Veteran's Day",
                "2026-11-26 Thanksgiving", "2026-12-25 Christmas",
            ]
        },
        {
            "US", 2027,
            [
                "2027-01-01 New Year", "2027-01-18 Martin Luther King Day", "2027-02-15 President's Day",
                "2027-05-31 Memorial Day", "2027-06-18 Juneteenth (observed)",
                "2027-06-19 Juneteenth", "2027-07-04 Independence Day",
                "2027-07-05 Independence Day (observed)", "2027-09-06 Labor Day", "2027-10-11 Columbus Day",
                "2027-11-11 Veteran's Day", "2027-11-25 Thanksgiving", "2027-12-24 Christmas (observed)",
                "2027-12-25 Christmas", "2027-12-31 New Year (observed)",
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

        Assert.Contains(new Holiday(Date("2027-12-31"), "New Year (observed)"), us.HolidaysIn(2027));
        Assert.True(us.IsHoliday(Date("2027-12-31")));
    }

    [Fact]
    public void The_observed_day_of_new_year_2028_is_not_listed_in_2028()
    {
        var holidays2028 = HolidayRuleSet.UnitedStates.HolidaysIn(2028);

        Assert.Contains(new Holiday(Date("2028-01-01"), "New Year"), holidays2028);
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
    public void The_built_in_names_cover_every_german_state_and_the_neighbouring_countries()
    {
        string[] states = ["BB", "BE", "BW", "BY", "HB", "HE", "HH", "MV", "NI", "NW", "RP", "SH", "SL", "SN", "ST", "TH"];

        Assert.All(states, state => Assert.Contains($"DE-{state}", HolidayRuleSet.Names));
        Assert.Subset(
            new HashSet<string>(HolidayRuleSet.Names),
            new HashSet<string> { "NL", "DE", "DE-BY-MUC", "AT", "BE", "FR", "CH", "CH-ZH", "CH-GE", "UK", "UK-SCT", "US" });
        Assert.Equal(HolidayRuleSet.Names.Order(StringComparer.Ordinal), HolidayRuleSet.Names);
    }

    [Fact]
    public void Lower_saxony_closes_on_reformation_day_and_not_on_corpus_christi_and_bavaria_the_reverse()
    {
        var lowerSaxony = HolidayRuleSet.Get("DE-NI");

        Assert.True(lowerSaxony.IsHoliday(Date("2028-10-31")));   // Tuesday, Reformation Day
        Assert.False(lowerSaxony.IsHoliday(Date("2028-06-15")));  // Thursday, Corpus Christi
        Assert.False(HolidayRuleSet.Bavaria.IsHoliday(Date("2028-10-31")));
        Assert.True(HolidayRuleSet.Bavaria.IsHoliday(Date("2028-06-15")));
    }

    [Fact]
    public void Every_state_shares_the_nationwide_german_holidays()
    {
        var national = HolidayRuleSet.Get("DE").HolidaysIn(2028).Select(h => h.Date).ToHashSet();

        Assert.Equal(9, national.Count);
        Assert.All(
            HolidayRuleSet.Names.Where(n => n.StartsWith("DE-", StringComparison.Ordinal)),
            name => Assert.Subset(HolidayRuleSet.Get(name).HolidaysIn(2028).Select(h => h.Date).ToHashSet(), national));
    }

    [Fact]
    public void The_dutch_set_matches_domain_md_for_every_year_from_2000_to_2100()
    {
        for (var year = 2000; year <= 2100; year++)
        {
            var easter = Easter.Sunday(year);
            var kingsDay = year <= 2013 ? new LocalDate(year, 4, 30) : new LocalDate(year, 4, 27);
            kingsDay = kingsDay.DayOfWeek == IsoDayOfWeek.Sunday ? kingsDay.PlusDays(-1) : kingsDay;
            var expected = new List<LocalDate>
            {
                new(year, 1, 1), easter, easter.PlusDays(1), kingsDay, easter.PlusDays(39), easter.PlusDays(49), easter.PlusDays(50),
                new(year, 12, 25), new(year, 12, 26),
            };
            if (year % 5 == 0)
            {
                expected.Add(new LocalDate(year, 5, 5));
            }

            Assert.Equal(expected.Order(), HolidayRuleSet.Netherlands.HolidaysIn(year).Select(h => h.Date));
        }
    }

    [Fact]
    public void A_uk_christmas_on_a_saturday_is_also_observed_on_the_monday_after()
    {
        var england = HolidayRuleSet.Get("UK");

        Assert.True(england.IsHoliday(Date("2027-12-25")));
        Assert.True(england.IsHoliday(Date("2027-12-27")));
        Assert.True(england.IsHoliday(Date("2027-12-28")));   // Boxing Day, a Sunday, observed on Tuesday
        Assert.False(HolidayRuleSet.Get("UK-SCT").IsHoliday(Date("2027-08-30")));   // Scotland's summer bank holiday is in early August
        Assert.True(HolidayRuleSet.Get("UK-SCT").IsHoliday(Date("2027-08-02")));
    }

    [Fact]
    public void Own_rules_yield_a_fixed_date_an_easter_offset_and_an_nth_weekday_and_skip_a_missing_day()
    {
        var own = HolidayRuleSet.Own("office", [
            OwnHolidayRule.Fixed("Company day", 6, 1),
            OwnHolidayRule.FromEaster("Day after Ascension", 40),
            OwnHolidayRule.NthWeekday("Thanksgiving Friday", 11, IsoDayOfWeek.Thursday, 4, offsetDays: 1),
            OwnHolidayRule.Fixed("Leap day", 2, 29),
            OwnHolidayRule.NthWeekday("Fifth Friday of February", 2, IsoDayOfWeek.Friday, 5),
        ]);

        Assert.Equal(
            ["2026-05-15 Day after Ascension", "2026-06-01 Company day", "2026-11-27 Thanksgiving Friday"],
            own.HolidaysIn(2026).Select(h => $"{h.Date:yyyy-MM-dd} {h.Name}"));
        Assert.True(own.IsHoliday(Date("2028-02-29")));
        Assert.False(HolidayRuleSet.TryGet("office", out _));
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
        var error = Assert.Throws<ArgumentException>(() => HolidayRuleSet.Get("XX"));

        Assert.Contains("'XX'", error.Message, StringComparison.Ordinal);
        Assert.Contains("DE-BY, DE-BY-MUC, DE-HB", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Trying_an_unknown_set_returns_false()
    {
        Assert.False(HolidayRuleSet.TryGet("XX", out var set));
        Assert.Null(set);
    }
}
