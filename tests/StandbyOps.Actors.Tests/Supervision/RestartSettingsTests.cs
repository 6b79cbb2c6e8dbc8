using NodaTime;
using StandbyOps.Actors.Supervision;

namespace StandbyOps.Actors.Tests.Supervision;

public sealed class RestartSettingsTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(6, 32)]
    [InlineData(7, 60)]
    [InlineData(1000, 60)]
    public void Backoff_doubles_from_the_minimum_and_stops_at_the_maximum(int restart, int expectedSeconds)
    {
        var settings = new RestartSettings(Duration.FromSeconds(1), Duration.FromSeconds(60), 2000, Duration.FromHours(1));

        Assert.Equal(Duration.FromSeconds(expectedSeconds), settings.BackoffFor(restart));
    }

    [Fact]
    public void Settings_reject_a_maximum_below_the_minimum() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new RestartSettings(Duration.FromSeconds(2), Duration.FromSeconds(1), 3, Duration.FromMinutes(1)));

    [Fact]
    public void Settings_reject_a_restart_as_the_fallback_for_too_many_restarts() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new RestartSettings(Duration.Zero, Duration.Zero, 3, Duration.FromMinutes(1), Directive.Restart));

    [Fact]
    public void Settings_reject_an_empty_window() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new RestartSettings(Duration.Zero, Duration.Zero, 3, Duration.Zero));

    [Fact]
    public void The_default_strategy_stops_on_initialization_failure_and_restarts_otherwise()
    {
        var strategy = SupervisorStrategy.Default;

        Assert.Equal(Directive.Stop, strategy.Decider(new ActorInitializationException("actor://x/user/a", new InvalidOperationException())));
        Assert.Equal(Directive.Restart, strategy.Decider(new TimeoutException()));
    }
}
