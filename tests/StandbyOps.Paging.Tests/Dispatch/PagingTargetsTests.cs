using NodaTime;
using StandbyOps.Configuration.Teams;
using StandbyOps.Paging.Dispatch;

namespace StandbyOps.Paging.Tests.Dispatch;

public sealed class PagingTargetsTests
{
    // 2026-11-24 is a Tuesday in the 47th rotation week since 2026-01-05: anna is on call, bram is backup.
    private static readonly Instant TuesdayNight = Instant.FromUtc(2026, 11, 24, 19, 0);

    private static TeamConfig Team(int repeat = 0, bool duty = false)
    {
        var zone = DateTimeZoneProviders.Tzdb["Europe/Amsterdam"];
        var engineers = new[] { "anna", "bram", "chris" }.ToDictionary(e => e, e => new EngineerConfig(e, e, "+3161234567" + e.Length, zone));
        var rotation = new RotationConfig(RotationPeriod.Week, IsoDayOfWeek.Monday, new LocalTime(8, 30), ["anna", "bram"], new LocalDate(2026, 1, 5));
        var dutyRotation = duty ? new RotationConfig(RotationPeriod.Day, null, new LocalTime(8, 30), ["chris"], new LocalDate(2026, 1, 5)) : null;
        EscalationStepConfig[] steps =
        [
            new(Duration.Zero, EscalationTargetKind.OnCall, []),
            new(Duration.FromMinutes(5), EscalationTargetKind.Backup, []),
            new(Duration.FromMinutes(10), EscalationTargetKind.Engineers, ["chris", "ghost"]),
        ];
        return new TeamConfig("ops", zone, engineers, rotation, dutyRotation, steps, repeat, Duration.Zero);
    }

    [Fact]
    public void The_first_step_pages_the_on_call_engineer()
    {
        var team = Team();
        var step = PagingTargets.PolicyOf(team)!.StepAt(0)!.Step;

        Assert.Equal(["anna"], PagingTargets.Resolve(step, PagingTargets.RotaOf(team), team, TuesdayNight));
    }

    [Fact]
    public void The_backup_step_pages_the_next_engineer_in_the_rotation()
    {
        var team = Team();
        var step = PagingTargets.PolicyOf(team)!.StepAt(1)!.Step;

        Assert.Equal(["bram"], PagingTargets.Resolve(step, PagingTargets.RotaOf(team), team, TuesdayNight));
    }

    [Fact]
    public void A_named_step_pages_only_engineers_the_team_knows()
    {
        var team = Team();
        var step = PagingTargets.PolicyOf(team)!.StepAt(2)!.Step;

        Assert.Equal(["chris"], PagingTargets.Resolve(step, PagingTargets.RotaOf(team), team, TuesdayNight));
    }

    [Fact]
    public void After_the_weekly_handover_the_other_engineer_is_on_call()
    {
        var team = Team();
        var step = PagingTargets.PolicyOf(team)!.StepAt(0)!.Step;
        var nextWeek = Instant.FromUtc(2026, 11, 30, 8, 0);

        Assert.Equal(["bram"], PagingTargets.Resolve(step, PagingTargets.RotaOf(team), team, nextWeek));
    }

    [Fact]
    public void Without_repeat_the_policy_ends_after_its_last_step() =>
        Assert.Null(PagingTargets.PolicyOf(Team())!.StepAt(3));

    [Fact]
    public void A_repeat_runs_the_steps_again_after_the_gap()
    {
        var again = PagingTargets.PolicyOf(Team(repeat: 1))!.StepAt(3)!;

        Assert.Equal(Duration.FromMinutes(10) + PagingTargets.RepeatGap, again.DueAfter);
        Assert.Null(PagingTargets.PolicyOf(Team(repeat: 1))!.StepAt(6));
    }

    [Fact]
    public void The_duty_engineer_comes_from_the_duty_rotation()
    {
        var team = Team(duty: true);

        Assert.Equal("chris", PagingTargets.DutyAt(PagingTargets.RotaOf(team), team, TuesdayNight));
        Assert.Null(PagingTargets.DutyAt(PagingTargets.RotaOf(Team()), Team(), TuesdayNight));
    }
}
