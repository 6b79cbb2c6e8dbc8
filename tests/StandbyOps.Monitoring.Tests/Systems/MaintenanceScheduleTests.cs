using NodaTime;
using StandbyOps.Configuration.Systems;
using StandbyOps.Monitoring.Systems;

namespace StandbyOps.Monitoring.Tests.Systems;

public sealed class MaintenanceScheduleTests
{
    private static readonly DateTimeZone Amsterdam = DateTimeZoneProviders.Tzdb["Europe/Amsterdam"];

    private static Instant Local(int month, int day, int hour, int minute = 0) =>
        new LocalDateTime(2026, month, day, hour, minute).InZoneLeniently(Amsterdam).ToInstant();

    [Theory]
    [InlineData(11, 22, 1, 59, false)] // Sunday before the window
    [InlineData(11, 22, 2, 0, true)]
    [InlineData(11, 22, 3, 59, true)]
    [InlineData(11, 22, 4, 0, false)] // the end is exclusive
    [InlineData(11, 23, 2, 30, false)] // Monday
    public void A_weekly_window_covers_its_day_and_hours_in_its_zone(int month, int day, int hour, int minute, bool expected)
    {
        var schedule = new MaintenanceSchedule([new WeeklyMaintenanceConfig([IsoDayOfWeek.Sunday], new LocalTime(2, 0), new LocalTime(4, 0), Amsterdam)]);

        Assert.Equal(expected, schedule.IsInMaintenance(Local(month, day, hour, minute)));
    }

    [Theory]
    [InlineData(11, 21, 23, 0, true)] // Saturday night
    [InlineData(11, 22, 0, 30, true)] // after midnight, still Saturday's window
    [InlineData(11, 22, 1, 0, false)]
    [InlineData(11, 20, 23, 0, false)] // Friday
    public void A_weekly_window_that_ends_before_it_starts_runs_past_midnight(int month, int day, int hour, int minute, bool expected)
    {
        var schedule = new MaintenanceSchedule([new WeeklyMaintenanceConfig([IsoDayOfWeek.Saturday], new LocalTime(22, 0), new LocalTime(1, 0), Amsterdam)]);

        Assert.Equal(expected, schedule.IsInMaintenance(Local(month, day, hour, minute)));
    }

    [Fact]
    public void A_one_off_window_covers_exactly_its_local_period()
    {
        var schedule = new MaintenanceSchedule([new OneOffMaintenanceConfig(new LocalDateTime(2026, 12, 5, 22, 0), new LocalDateTime(2026, 12, 6, 2, 0), Amsterdam)]);

        Assert.False(schedule.IsInMaintenance(Local(12, 5, 21, 59)));
        Assert.True(schedule.IsInMaintenance(Local(12, 5, 22, 0)));
        Assert.True(schedule.IsInMaintenance(Local(12, 6, 1, 59)));
        Assert.False(schedule.IsInMaintenance(Local(12, 6, 2, 0)));
    }

    [Fact]
    public void The_window_on_the_autumn_dst_night_lasts_the_elapsed_extra_hour()
    {
        // 25 Oct 2026: 03:00 CEST becomes 02:00 CET; a 01:00-04:00 window lasts four real hours.
        var schedule = new MaintenanceSchedule([new WeeklyMaintenanceConfig([IsoDayOfWeek.Sunday], new LocalTime(1, 0), new LocalTime(4, 0), Amsterdam)]);
        var start = Local(10, 25, 1, 0);

        Assert.True(schedule.IsInMaintenance(start + Duration.FromMinutes(3 * 60 + 59)));
        Assert.False(schedule.IsInMaintenance(start + Duration.FromHours(4)));
    }
}
