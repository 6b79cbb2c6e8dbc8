using NodaTime;
using StandbyOps.Core.Escalation;
using StandbyOps.Core.Rota;
using static StandbyOps.Core.Tests.TestTime;
using TeamRota = StandbyOps.Core.Rota.Rota;

namespace StandbyOps.Core.Tests.Escalation;

public class EscalationPolicyTests
{
    /// <summary>The CONFIG.md example policy.</summary>
    private static readonly EscalationStep[] ExampleSteps =
    [
        new(Duration.Zero, EscalationTarget.OnCall),
        new(Duration.FromMinutes(5), EscalationTarget.OnCall),
        new(Duration.FromMinutes(10), EscalationTarget.Backup),
        new(Duration.FromMinutes(20), EscalationTarget.Named("chris")),
    ];

    private static readonly TeamRota OpsNl = new(
        Amsterdam, new Rotation(RotationPeriod.Week, Handover.Parse("mon 08:30"), ["anna", "bram"], Date("2026-01-05")));

    [Fact]
    public void Steps_are_due_once_their_delay_has_passed()
    {
        var policy = new EscalationPolicy(ExampleSteps);

        var due = policy.DueSteps(0, Duration.FromMinutes(7));

        Assert.Equal([0, 1], due.Select(s => s.Index));
    }

    [Fact]
    public void Steps_already_run_are_not_due_again()
    {
        var policy = new EscalationPolicy(ExampleSteps);

        Assert.Equal([2], policy.DueSteps(2, Duration.FromMinutes(19)).Select(s => s.Index));
    }

    [Fact]
    public void A_step_is_due_exactly_at_its_delay()
    {
        var policy = new EscalationPolicy(ExampleSteps);

        Assert.Equal([3], policy.DueSteps(3, Duration.FromMinutes(20)).Select(s => s.Index));
        Assert.Empty(policy.DueSteps(3, Duration.FromMinutes(20) - Duration.Epsilon));
    }

    [Fact]
    public void A_policy_without_repeat_runs_out_after_its_last_step()
    {
        var policy = new EscalationPolicy(ExampleSteps);

        Assert.Null(policy.StepAt(4));
        Assert.Empty(policy.DueSteps(4, Duration.FromDays(1)));
    }

    [Fact]
    public void A_repeating_policy_starts_over_one_period_later()
    {
        var policy = new EscalationPolicy(ExampleSteps, repeatEvery: Duration.FromMinutes(30));

        var step = policy.StepAt(6);

        Assert.Equal(new ScheduledStep(6, 1, ExampleSteps[2], Duration.FromMinutes(40)), step);
    }

    [Fact]
    public void A_repeating_policy_stops_after_its_rounds()
    {
        var policy = new EscalationPolicy(ExampleSteps, Duration.FromMinutes(30), maxRounds: 2);

        Assert.NotNull(policy.StepAt(7));
        Assert.Null(policy.StepAt(8));
    }

    [Fact]
    public void A_repeat_period_must_be_longer_than_the_last_step()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new EscalationPolicy(ExampleSteps, Duration.FromMinutes(20)));
    }

    [Fact]
    public void Steps_must_be_ordered_by_delay()
    {
        var error = Assert.Throws<ArgumentException>(() => new EscalationPolicy([ExampleSteps[2], ExampleSteps[0]]));

        Assert.Contains("order steps by delay", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_policy_needs_a_step()
    {
        Assert.Throws<ArgumentException>(() => new EscalationPolicy([]));
    }

    [Fact]
    public void Steps_within_the_standby_response_time_give_no_warning()
    {
        Assert.Empty(new EscalationPolicy(ExampleSteps).StepsOutside(Duration.FromMinutes(30)));
    }

    [Fact]
    public void Steps_at_or_after_the_standby_response_time_are_reported()
    {
        var policy = new EscalationPolicy(ExampleSteps);

        Assert.Equal([ExampleSteps[3]], policy.StepsOutside(Duration.FromMinutes(20)));
    }

    [Fact]
    public void Targets_resolve_against_the_rota_at_the_instant()
    {
        var t = Ams("2026-01-14 03:00"); // bram's week

        Assert.Equal(["bram"], EscalationTarget.OnCall.Resolve(OpsNl, t));
        Assert.Equal(["anna"], EscalationTarget.Backup.Resolve(OpsNl, t));
        Assert.Equal(["chris", "dana"], EscalationTarget.Named("chris", "dana").Resolve(OpsNl, t));
    }

    [Fact]
    public void A_backup_target_resolves_to_nobody_in_a_rotation_of_one()
    {
        var solo = new TeamRota(Amsterdam, new Rotation(RotationPeriod.Week, Handover.Parse("mon 08:30"), ["anna"], Date("2026-01-05")));

        Assert.Empty(EscalationTarget.Backup.Resolve(solo, Ams("2026-01-14 03:00")));
    }

    [Fact]
    public void Named_targets_with_the_same_engineers_are_equal()
    {
        Assert.Equal(EscalationTarget.Named("chris"), EscalationTarget.Named("chris"));
        Assert.NotEqual(EscalationTarget.Named("chris"), EscalationTarget.Named("dana"));
    }
}
