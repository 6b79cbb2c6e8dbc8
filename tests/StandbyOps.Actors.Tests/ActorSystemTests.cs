using StandbyOps.Actors.Testing;
using StandbyOps.Actors.Time;

namespace StandbyOps.Actors.Tests;

public sealed class ActorSystemTests
{
    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("a/b")]
    public void A_system_name_must_be_letters_digits_dashes_underscores_or_dots(string name) =>
        Assert.Throws<ArgumentException>(() => new ActorSystem(name, new VirtualTime()));

    [Fact]
    public void Throughput_outside_its_range_is_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ActorSystem("x", new VirtualTime(), new ActorSystemOptions { Throughput = 0 }));

    [Fact]
    public async Task Actors_created_after_terminate_are_stopped_at_once()
    {
        var system = new ActorSystem("late", new VirtualTime());
        await system.Terminate();

        var late = system.ActorOf(Props.Create(() => new Idle()), "late");
        var probe = new TestProbe(system);
        probe.Watch(late);

        probe.ExpectTerminated(late);
        Assert.Equal(0, system.Metrics.LiveActors);
    }

    [Fact]
    public async Task The_scheduler_given_is_the_one_the_system_uses()
    {
        var time = new VirtualTime();
        await using var system = new ActorSystem("clock", time);

        Assert.Same(time, system.Scheduler);
    }

    private sealed class Idle : ReceiveActor
    {
    }
}
