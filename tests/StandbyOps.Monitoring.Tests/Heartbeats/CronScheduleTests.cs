using NodaTime;
using StandbyOps.Monitoring.Heartbeats;

namespace StandbyOps.Monitoring.Tests.Heartbeats;

public sealed class CronScheduleTests
{
    private static readonly DateTimeZone Amsterdam = DateTimeZoneProviders.Tzdb["Europe/Amsterdam"];

    private static Instant Local(int year, int month, int day, int hour, int minute = 0) =>
        new LocalDateTime(year, month, day, hour, minute).InZoneStrictly(Amsterdam).ToInstant();

    [Theory]
    [InlineData("0 2 * * *", 2026, 11, 24, 2, 5, 2026, 11, 25, 2, 0)]
    [InlineData("0 2 * * *", 2026, 11, 24, 1, 59, 2026, 11, 24, 2, 0)]
    [InlineData("*/15 * * * *", 2026, 11, 24, 10, 7, 2026, 11, 24, 10, 15)]
    [InlineData("30 8 * * mon-fri", 2026, 11, 20, 9, 0, 2026, 11, 23, 8, 30)] // Friday after the run → Monday
    [InlineData("0 0 1 jan *", 2026, 6, 1, 0, 0, 2027, 1, 1, 0, 0)]
    [InlineData("0 12 29 feb *", 2026, 3, 1, 0, 0, 2028, 2, 29, 12, 0)]
    public void The_next_run_is_the_first_matching_local_minute_after(string cron, int y, int mo, int d, int h, int mi, int ey, int emo, int ed, int eh, int emi)
    {
        var schedule = CronSchedule.Parse(cron, Amsterdam);

        Assert.Equal(Local(ey, emo, ed, eh, emi), schedule.NextAfter(Local(y, mo, d, h, mi)));
    }

    [Fact]
    public void When_both_day_fields_are_restricted_either_matches_as_in_cron()
    {
        // The 1st of the month OR a Sunday: after Fri 20 Nov 2026 the next is Sun 22 Nov.
        var schedule = CronSchedule.Parse("0 9 1 * sun", Amsterdam);

        Assert.Equal(Local(2026, 11, 22, 9), schedule.NextAfter(Local(2026, 11, 20, 12)));
        Assert.Equal(Local(2026, 12, 1, 9), schedule.NextAfter(Local(2026, 11, 29, 12)));
    }

    [Fact]
    public void A_run_inside_the_spring_gap_moves_forward_by_the_gap()
    {
        // 29 Mar 2026 02:30 does not exist in Amsterdam; it runs at 03:30 CEST (01:30Z).
        var schedule = CronSchedule.Parse("30 2 * * *", Amsterdam);

        Assert.Equal(Instant.FromUtc(2026, 3, 29, 1, 30), schedule.NextAfter(Instant.FromUtc(2026, 3, 28, 12, 0)));
    }

    [Fact]
    public void Sunday_is_both_0_and_7()
    {
        var zero = CronSchedule.Parse("0 9 * * 0", Amsterdam).NextAfter(Local(2026, 11, 20, 12));
        var seven = CronSchedule.Parse("0 9 * * 7", Amsterdam).NextAfter(Local(2026, 11, 20, 12));

        Assert.Equal(zero, seven);
        Assert.Equal(Local(2026, 11, 22, 9), zero);
    }

    [Theory]
    [InlineData("0 2 * *")]
    [InlineData("60 2 * * *")]
    [InlineData("0 2 * * */0")]
    [InlineData("0 5-2 * * *")]
    public void Malformed_expressions_are_rejected(string cron) =>
        Assert.Throws<FormatException>(() => CronSchedule.Parse(cron, Amsterdam));

    [Fact]
    public void An_expression_that_never_fires_says_so()
    {
        var schedule = CronSchedule.Parse("0 0 31 2 *", Amsterdam);

        Assert.Throws<InvalidOperationException>(() => schedule.NextAfter(Local(2026, 1, 1, 0)));
    }
}
