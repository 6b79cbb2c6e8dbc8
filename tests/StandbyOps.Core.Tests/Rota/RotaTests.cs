using NodaTime;
using StandbyOps.Core.Rota;
using static StandbyOps.Core.Tests.TestTime;
using TeamRota = StandbyOps.Core.Rota.Rota;

namespace StandbyOps.Core.Tests.Rota;

public class RotaTests
{
    /// <summary>The CONFIG.md example: weekly, Monday 08:30, anna then bram, from Monday 5 January 2026.</summary>
    private static readonly Rotation Weekly = new(RotationPeriod.Week, Handover.Parse("mon 08:30"), ["anna", "bram"], Date("2026-01-05"));

    private static readonly Rotation DailyDuty = new(RotationPeriod.Day, Handover.Parse("08:30"), ["chris", "dana"], Date("2026-01-05"));

    private static readonly TeamRota OpsNl = new(Amsterdam, Weekly, DailyDuty);

    [Theory]
    [InlineData("2025-12-20 12:00", "anna")] // before the start: the first engineer
    [InlineData("2026-01-05 08:29", "anna")]
    [InlineData("2026-01-05 08:30", "anna")]
    [InlineData("2026-01-12 08:29", "anna")]
    [InlineData("2026-01-12 08:30", "bram")]
    [InlineData("2026-01-18 23:59", "bram")]
    [InlineData("2026-01-19 08:30", "anna")]
    public void The_weekly_rotation_hands_over_on_monday_at_08_30(string local, string expected)
    {
        Assert.Equal(expected, OpsNl.OnCallAt(Ams(local)));
    }

    [Theory]
    [InlineData("2026-03-30T06:29:59Z", "bram")] // Monday 30 March 08:29:59 CEST, the first Monday of summer time
    [InlineData("2026-03-30T06:30:00Z", "anna")] // 08:30 CEST
    [InlineData("2026-10-26T07:29:59Z", "bram")] // Monday 26 October 08:29:59 CET, the first Monday of winter time
    [InlineData("2026-10-26T07:30:00Z", "anna")] // 08:30 CET
    public void A_handover_stays_at_08_30_local_after_a_dst_change(string utc, string expected)
    {
        Assert.Equal(expected, OpsNl.OnCallAt(Utc(utc)));
    }

    [Fact]
    public void A_week_across_the_spring_switch_is_one_hour_shorter()
    {
        var shift = OpsNl.Timeline(ShiftRole.OnCall, Ams("2026-03-25 12:00"), Ams("2026-03-25 13:00")).Single();

        Assert.Equal(Ams("2026-03-23 08:30"), shift.Start);
        Assert.Equal(Ams("2026-03-30 08:30"), shift.End);
        Assert.Equal(Duration.FromHours((7 * 24) - 1), shift.End - shift.Start);
    }

    [Fact]
    public void A_handover_inside_the_spring_gap_moves_forward_by_the_gap()
    {
        var rota = new TeamRota(NewYork, new Rotation(RotationPeriod.Week, Handover.Parse("sun 02:30"), ["ann", "bob"], Date("2026-03-01")));

        Assert.Equal("ann", rota.OnCallAt(Utc("2026-03-08T07:29:59Z")));
        Assert.Equal("bob", rota.OnCallAt(Utc("2026-03-08T07:30:00Z"))); // 03:30 EDT
    }

    [Fact]
    public void A_handover_inside_the_autumn_overlap_happens_at_the_earlier_instant()
    {
        var rota = new TeamRota(NewYork, new Rotation(RotationPeriod.Week, Handover.Parse("sun 01:30"), ["ann", "bob"], Date("2026-10-25")));

        Assert.Equal("ann", rota.OnCallAt(Utc("2026-11-01T05:29:59Z")));
        Assert.Equal("bob", rota.OnCallAt(Utc("2026-11-01T05:30:00Z"))); // 01:30 EDT, the first pass
        Assert.Equal("bob", rota.OnCallAt(Utc("2026-11-01T06:30:00Z"))); // 01:30 EST, the second pass
    }

    [Fact]
    public void A_rotation_starting_mid_week_hands_over_first_on_the_next_handover_day()
    {
        var rotation = new Rotation(RotationPeriod.Week, Handover.Parse("mon 08:30"), ["anna", "bram"], Date("2026-01-07"));
        var rota = new TeamRota(Amsterdam, rotation);

        Assert.Equal(Date("2026-01-12"), rotation.FirstHandoverDate);
        Assert.Equal("anna", rota.OnCallAt(Ams("2026-01-10 12:00")));
        Assert.Equal("anna", rota.OnCallAt(Ams("2026-01-12 08:30")));
        Assert.Equal("bram", rota.OnCallAt(Ams("2026-01-19 08:30")));
    }

    [Theory]
    [InlineData("2026-01-05 08:30", "chris")]
    [InlineData("2026-01-06 08:29", "chris")]
    [InlineData("2026-01-06 08:30", "dana")]
    [InlineData("2026-01-07 12:00", "chris")]
    public void The_daily_duty_rotation_hands_over_every_day(string local, string expected)
    {
        Assert.Equal(expected, OpsNl.DutyAt(Ams(local)));
    }

    [Fact]
    public void Without_a_duty_rotation_there_is_no_duty_engineer()
    {
        Assert.Null(new TeamRota(Amsterdam, Weekly).DutyAt(Ams("2026-01-07 12:00")));
    }

    [Fact]
    public void The_backup_is_the_next_engineer_in_rotation_order()
    {
        Assert.Equal("bram", OpsNl.BackupAt(Ams("2026-01-07 12:00")));
        Assert.Equal("anna", OpsNl.BackupAt(Ams("2026-01-14 12:00")));
    }

    [Fact]
    public void A_rotation_of_one_has_no_backup()
    {
        var solo = new TeamRota(Amsterdam, new Rotation(RotationPeriod.Week, Handover.Parse("mon 08:30"), ["anna"], Date("2026-01-05")));

        Assert.Null(solo.BackupAt(Ams("2026-01-07 12:00")));
    }

    [Fact]
    public void An_override_replaces_the_on_call_engineer_for_its_period_only()
    {
        var rota = OpsNl.WithOverride(new RotaOverride("bram", Ams("2026-01-07 18:00"), Ams("2026-01-08 08:00")));

        Assert.Equal("anna", rota.OnCallAt(Ams("2026-01-07 17:59")));
        Assert.Equal("bram", rota.OnCallAt(Ams("2026-01-07 18:00")));
        Assert.Equal("anna", rota.OnCallAt(Ams("2026-01-08 08:00")));
        Assert.Equal("anna", rota.BackupAt(Ams("2026-01-07 20:00")));
    }

    [Fact]
    public void Of_overlapping_overrides_the_one_added_last_wins()
    {
        var rota = OpsNl
            .WithOverride(new RotaOverride("bram", Ams("2026-01-07 00:00"), Ams("2026-01-09 00:00")))
            .WithOverride(new RotaOverride("chris", Ams("2026-01-08 00:00"), Ams("2026-01-08 12:00")));

        Assert.Equal("bram", rota.OnCallAt(Ams("2026-01-07 12:00")));
        Assert.Equal("chris", rota.OnCallAt(Ams("2026-01-08 06:00")));
        Assert.Equal("bram", rota.OnCallAt(Ams("2026-01-08 18:00")));
    }

    [Fact]
    public void An_override_by_someone_outside_the_rotation_makes_the_scheduled_engineer_backup()
    {
        var rota = OpsNl.WithOverride(new RotaOverride("chris", Ams("2026-01-07 00:00"), Ams("2026-01-08 00:00")));

        Assert.Equal("chris", rota.OnCallAt(Ams("2026-01-07 12:00")));
        Assert.Equal("anna", rota.BackupAt(Ams("2026-01-07 12:00")));
    }

    [Fact]
    public void An_override_must_end_after_it_starts()
    {
        Assert.Throws<ArgumentException>(() => new RotaOverride("anna", Ams("2026-01-07 12:00"), Ams("2026-01-07 12:00")));
    }

    [Fact]
    public void Shifts_of_an_engineer_are_whole_rotation_weeks_split_by_overrides()
    {
        var rota = OpsNl.WithOverride(new RotaOverride("bram", Ams("2026-01-07 18:00"), Ams("2026-01-08 08:00")));

        var shifts = rota.ShiftsFor("anna", Ams("2026-01-06 00:00"), Ams("2026-01-20 00:00"));

        Assert.Equal(
            [
                new Shift("anna", ShiftRole.OnCall, Ams("2026-01-05 08:30"), Ams("2026-01-07 18:00")),
                new Shift("anna", ShiftRole.OnCall, Ams("2026-01-08 08:00"), Ams("2026-01-12 08:30")),
                new Shift("anna", ShiftRole.OnCall, Ams("2026-01-19 08:30"), Ams("2026-01-26 08:30")),
            ],
            shifts);
    }

    [Fact]
    public void An_override_next_to_the_engineers_own_week_merges_into_one_shift()
    {
        var rota = OpsNl.WithOverride(new RotaOverride("bram", Ams("2026-01-09 08:30"), Ams("2026-01-12 08:30")));

        var shifts = rota.ShiftsFor("bram", Ams("2026-01-10 00:00"), Ams("2026-01-13 00:00"));

        Assert.Equal([new Shift("bram", ShiftRole.OnCall, Ams("2026-01-09 08:30"), Ams("2026-01-19 08:30"))], shifts);
    }

    [Fact]
    public void Shifts_include_duty_days()
    {
        var shifts = OpsNl.ShiftsFor("dana", Ams("2026-01-06 00:00"), Ams("2026-01-08 00:00"));

        Assert.Equal([new Shift("dana", ShiftRole.Duty, Ams("2026-01-06 08:30"), Ams("2026-01-07 08:30"))], shifts);
    }

    [Fact]
    public void The_time_before_the_first_handover_is_cut_at_the_window_start()
    {
        var shifts = OpsNl.ShiftsFor("anna", Ams("2026-01-01 00:00"), Ams("2026-01-02 00:00"));

        Assert.Equal([new Shift("anna", ShiftRole.OnCall, Ams("2026-01-01 00:00"), Ams("2026-01-12 08:30"))], shifts);
    }

    [Fact]
    public void An_engineer_without_shifts_in_the_window_gets_none()
    {
        Assert.Empty(OpsNl.ShiftsFor("zoe", Ams("2026-01-06 00:00"), Ams("2026-02-06 00:00")));
    }

    [Fact]
    public void A_rotation_order_must_not_repeat_an_engineer()
    {
        Assert.Throws<ArgumentException>(() => new Rotation(RotationPeriod.Week, Handover.Parse("mon 08:30"), ["anna", "anna"], Date("2026-01-05")));
    }

    [Fact]
    public void A_daily_rotation_must_not_name_a_handover_day()
    {
        Assert.Throws<ArgumentException>(() => new Rotation(RotationPeriod.Day, Handover.Parse("mon 08:30"), ["anna"], Date("2026-01-05")));
    }

    [Fact]
    public void A_rotation_needs_an_engineer()
    {
        Assert.Throws<ArgumentException>(() => new Rotation(RotationPeriod.Week, Handover.Parse("mon 08:30"), [], Date("2026-01-05")));
    }
}
