using NodaTime;
using StandbyOps.Monitoring.Systems;

namespace StandbyOps.Monitoring.Tests.Systems;

public sealed class CheckStateTests
{
    private static readonly Instant T = Instant.FromUtc(2026, 11, 24, 19, 0);

    [Fact]
    public void A_check_goes_down_only_after_failure_threshold_failures_in_a_row()
    {
        var state = new CheckState(failureThreshold: 3, successThreshold: 2);

        Assert.Null(state.Record(false, T));
        Assert.Null(state.Record(false, T));
        Assert.Equal(CheckHealth.Down, state.Record(false, T + Duration.FromSeconds(20)));
        Assert.Null(state.Record(false, T));
        Assert.Equal(T + Duration.FromSeconds(20), state.Since);
    }

    [Fact]
    public void A_success_between_failures_resets_the_count()
    {
        var state = new CheckState(3, 2);
        state.Record(false, T);
        state.Record(false, T);
        state.Record(true, T);

        Assert.Null(state.Record(false, T));
        Assert.Null(state.Record(false, T));
        Assert.Equal(CheckHealth.Up, state.Health);
    }

    [Fact]
    public void A_down_check_recovers_after_success_threshold_successes_in_a_row()
    {
        var state = new CheckState(1, 2);
        state.Record(false, T);

        Assert.Null(state.Record(true, T));
        Assert.Equal(CheckHealth.Down, state.Health);
        Assert.Equal(CheckHealth.Up, state.Record(true, T));
    }

    [Fact]
    public void A_pending_check_is_up_after_its_first_success()
    {
        var state = new CheckState(3, 2);

        Assert.Equal(CheckHealth.Pending, state.Health);
        Assert.Equal(CheckHealth.Up, state.Record(true, T));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 0)]
    public void Thresholds_below_one_are_rejected(int failure, int success) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new CheckState(failure, success));
}
