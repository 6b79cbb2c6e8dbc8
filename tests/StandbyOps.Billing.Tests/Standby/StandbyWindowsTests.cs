using NodaTime;
using StandbyOps.Billing.Standby;
using static StandbyOps.Billing.Tests.Support.Standard;

namespace StandbyOps.Billing.Tests.Standby;

public class StandbyWindowsTests
{
    [Fact]
    public void Two_hours_on_a_saturday_morning_are_one_weekend_window_billed_at_the_four_hour_minimum()
    {
        var windows = StandbyWindows.Cut([Period(Local(2026, 11, 21, 10), Local(2026, 11, 21, 12))], NlTerms());

        var window = Assert.Single(windows);
        Assert.Equal(BillingCategory.Weekend, window.Category);
        Assert.Equal(new LocalDateTime(2026, 11, 21, 8, 30), window.LocalStart);
        Assert.Equal(new LocalDateTime(2026, 11, 21, 18, 0), window.LocalEnd);
        Assert.Equal(2m, window.AgreedHours);
        Assert.Equal(4m, window.BilledHours);
        Assert.Equal(50m, window.RatePercent);
    }

    [Fact]
    public void A_tuesday_night_from_18_00_to_08_30_is_one_night_window_of_fourteen_and_a_half_hours()
    {
        var windows = StandbyWindows.Cut([Period(Local(2026, 11, 24, 18), Local(2026, 11, 25, 8, 30))], NlTerms());

        var window = Assert.Single(windows);
        Assert.Equal(BillingCategory.Night, window.Category);
        Assert.Equal(14.5m, window.AgreedHours);
        Assert.Equal(14.5m, window.BilledHours);
    }

    [Fact]
    public void One_evening_hour_is_billed_at_the_two_hour_night_minimum()
    {
        var window = Assert.Single(StandbyWindows.Cut([Period(Local(2026, 11, 24, 19), Local(2026, 11, 24, 20))], NlTerms()));

        Assert.Equal(1m, window.AgreedHours);
        Assert.Equal(2m, window.BilledHours);
    }

    [Fact]
    public void Christmas_day_and_the_saturday_after_are_two_holiday_windows_not_a_weekend_day()
    {
        var windows = StandbyWindows.Cut([Period(Local(2026, 12, 25, 0), Local(2026, 12, 27, 0))], NlTerms());

        Assert.Equal([BillingCategory.Holiday, BillingCategory.Holiday], windows.Select(w => w.Category));
        Assert.Equal([24m, 24m], windows.Select(w => w.AgreedHours));
        Assert.Equal(new LocalDateTime(2026, 12, 26, 0, 0), windows[1].LocalStart);
    }

    [Fact]
    public void The_night_the_clocks_go_back_lasts_fifteen_and_a_half_hours()
    {
        var window = Assert.Single(StandbyWindows.Cut([Period(Local(2026, 10, 24, 18), Local(2026, 10, 25, 8, 30))], NlTerms()));

        Assert.Equal(15.5m, window.AgreedHours);
        Assert.Equal(Duration.FromMinutes(930), window.Window.Length);
    }

    [Fact]
    public void The_night_the_clocks_go_forward_lasts_thirteen_and_a_half_hours()
    {
        var window = Assert.Single(StandbyWindows.Cut([Period(Local(2026, 3, 28, 18), Local(2026, 3, 29, 8, 30))], NlTerms()));

        Assert.Equal(13.5m, window.AgreedHours);
    }

    [Fact]
    public void New_york_nights_across_both_2026_switches_are_thirteen_and_a_half_and_fifteen_and_a_half_hours()
    {
        var terms = Terms(NewYork);
        Instant At(int month, int day, int hour, int minute = 0) => NewYork.AtStrictly(new LocalDateTime(2026, month, day, hour, minute)).ToInstant();

        var spring = Assert.Single(StandbyWindows.Cut([Period(At(3, 7, 18), At(3, 8, 8, 30))], terms));
        var autumn = Assert.Single(StandbyWindows.Cut([Period(At(10, 31, 18), At(11, 1, 8, 30))], terms));

        Assert.Equal(13.5m, spring.AgreedHours);
        Assert.Equal(15.5m, autumn.AgreedHours);
    }

    [Fact]
    public void A_night_running_into_a_holiday_ends_at_midnight_and_the_holiday_takes_the_rest()
    {
        var windows = StandbyWindows.Cut([Period(Local(2026, 12, 24, 18), Local(2026, 12, 25, 8, 30))], NlTerms());

        Assert.Equal([BillingCategory.Night, BillingCategory.Holiday], windows.Select(w => w.Category));
        Assert.Equal(new LocalDateTime(2026, 12, 25, 0, 0), windows[0].LocalEnd);
        Assert.Equal(6m, windows[0].AgreedHours);
        Assert.Equal(8.5m, windows[1].AgreedHours);
        Assert.Equal(8.5m, windows[1].BilledHours);
    }

    [Fact]
    public void A_night_starting_on_a_holiday_bills_the_evening_as_holiday_and_the_morning_as_a_night_from_midnight()
    {
        // King's Day 2026 is Monday 27 April.
        var windows = StandbyWindows.Cut([Period(Local(2026, 4, 27, 18), Local(2026, 4, 28, 8, 30))], NlTerms());

        Assert.Equal([BillingCategory.Holiday, BillingCategory.Night], windows.Select(w => w.Category));
        Assert.Equal(6m, windows[0].AgreedHours);
        Assert.Equal(8m, windows[0].BilledHours);
        Assert.Equal(new LocalDateTime(2026, 4, 28, 0, 0), windows[1].LocalStart);
        Assert.Equal(8.5m, windows[1].AgreedHours);
    }

    [Fact]
    public void Overlapping_agreed_periods_count_once()
    {
        var windows = StandbyWindows.Cut(
            [Period(Local(2026, 11, 24, 19), Local(2026, 11, 24, 21)), Period(Local(2026, 11, 24, 20), Local(2026, 11, 24, 22))],
            NlTerms());

        Assert.Equal(3m, Assert.Single(windows).AgreedHours);
    }

    [Fact]
    public void Agreed_standby_in_office_hours_has_no_window()
    {
        var windows = StandbyWindows.Cut([Period(Local(2026, 11, 24, 9), Local(2026, 11, 24, 17))], NlTerms());

        Assert.Empty(windows);
    }

    [Fact]
    public void Agreed_standby_that_only_touches_a_window_edge_does_not_count()
    {
        var windows = StandbyWindows.Cut([Period(Local(2026, 11, 24, 17), Local(2026, 11, 24, 18))], NlTerms());

        Assert.Empty(windows);
    }

    [Fact]
    public void A_weekend_from_friday_evening_to_monday_morning_alternates_night_and_weekend_windows()
    {
        var windows = StandbyWindows.Cut([Period(Local(2026, 11, 20, 18), Local(2026, 11, 23, 8, 30))], NlTerms());

        Assert.Equal(
            [BillingCategory.Night, BillingCategory.Weekend, BillingCategory.Night, BillingCategory.Weekend, BillingCategory.Night],
            windows.Select(w => w.Category));
        Assert.Equal(62.5m, windows.Sum(w => w.AgreedHours));
    }

    [Fact]
    public void Seconds_are_truncated_to_the_minute_before_measuring()
    {
        var start = Local(2026, 11, 24, 19) + Duration.FromSeconds(59);
        var end = Local(2026, 11, 24, 22) + Duration.FromSeconds(30);

        var window = Assert.Single(StandbyWindows.Cut([Period(start, end)], NlTerms()));

        Assert.Equal(180, window.AgreedMinutes);
    }

    [Fact]
    public void A_date_range_keeps_only_windows_that_start_inside_it_with_all_their_minutes()
    {
        var agreed = new[] { Period(Local(2026, 11, 30, 18), Local(2026, 12, 1, 8, 30)) };

        var november = StandbyWindows.Cut(agreed, new LocalDate(2026, 11, 1), new LocalDate(2026, 12, 1), NlTerms());
        var december = StandbyWindows.Cut(agreed, new LocalDate(2026, 12, 1), new LocalDate(2027, 1, 1), NlTerms());

        Assert.Equal(14.5m, Assert.Single(november).AgreedHours);
        Assert.Empty(december);
    }

    [Fact]
    public void An_unbounded_agreed_interval_is_rejected()
    {
        var unbounded = new Interval(Local(2026, 11, 24, 18), null);

        Assert.Throws<ArgumentException>(() => StandbyWindows.Cut([unbounded], NlTerms()));
    }
}
