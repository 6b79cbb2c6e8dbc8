using StandbyOps.Actors.Testing;

namespace StandbyOps.Actors.Tests.Testing;

public sealed class TestProbeTests : ActorTestBase
{
    [Fact]
    public void Expect_msg_returns_a_matching_message()
    {
        Probe.Tell(new Ping(7));

        Assert.Equal(7, Probe.ExpectMsg<Ping>(predicate: p => p.Id == 7).Id);
    }

    [Fact]
    public void Expect_msg_fails_on_a_message_of_another_type()
    {
        Probe.Tell("not a ping");

        var failure = Assert.Throws<ProbeAssertionException>(() => Probe.ExpectMsg<Ping>());

        Assert.Contains("expected a Ping but received String", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Expect_msg_fails_when_nothing_arrives_in_time()
    {
        Assert.Throws<ProbeAssertionException>(() => Probe.ExpectMsg<Ping>(TimeSpan.FromMilliseconds(10)));
    }

    [Fact]
    public void Expect_msg_with_a_value_fails_on_a_different_value()
    {
        Probe.Tell(new Ping(1));

        Assert.Throws<ProbeAssertionException>(() => Probe.ExpectMsg(new Ping(2)));
    }

    [Fact]
    public void Expect_no_msg_fails_when_a_message_arrives()
    {
        Probe.Tell(new Ping(1));

        Assert.Throws<ProbeAssertionException>(() => Probe.ExpectNoMsg());
    }

    [Fact]
    public void Fish_for_message_skips_messages_until_one_matches()
    {
        Probe.Tell("noise");
        Probe.Tell(new Ping(1));
        Probe.Tell(new Ping(2));

        Assert.Equal(2, Probe.FishForMessage<Ping>(p => p.Id == 2).Id);
        Probe.ExpectNoMsg(TimeSpan.FromMilliseconds(10));
    }

    [Fact]
    public void Reply_answers_the_sender_of_the_last_message()
    {
        var other = new TestProbe(System, "other");
        Probe.Tell(new Ping(1), other);
        Probe.ExpectMsg<Ping>();

        Probe.Reply("pong");

        Assert.Same(other, Probe.LastSender);
        Assert.Equal("pong", other.ExpectMsg<string>());
        Assert.Same(Probe, other.LastSender);
    }

    [Fact]
    public void Expect_terminated_fails_for_another_actors_termination()
    {
        var first = System.ActorOf(Props.Create(() => new Idle()), "first");
        var second = System.ActorOf(Props.Create(() => new Idle()), "second");
        Probe.Watch(first);

        System.Stop(first);

        Assert.Throws<ProbeAssertionException>(() => Probe.ExpectTerminated(second));
    }

    [Fact]
    public void A_probe_has_a_path_in_its_system()
    {
        Assert.Equal("actor://test/probe/probe", Probe.Path);
    }

    private sealed record Ping(int Id);

    private sealed class Idle : ReceiveActor
    {
    }
}
