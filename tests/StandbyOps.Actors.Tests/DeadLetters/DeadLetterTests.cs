using System.Collections.Concurrent;
using StandbyOps.Actors.DeadLetters;
using StandbyOps.Actors.Time;

namespace StandbyOps.Actors.Tests.DeadLetters;

public sealed class DeadLetterTests : ActorTestBase
{
    private readonly ConcurrentQueue<DeadLetter> _published;

    public DeadLetterTests()
        : this(new ConcurrentQueue<DeadLetter>())
    {
    }

    private DeadLetterTests(ConcurrentQueue<DeadLetter> published)
        : base(new ActorSystemOptions { OnDeadLetter = published.Enqueue }) => _published = published;

    [Fact]
    public void A_message_to_a_stopped_actor_is_counted_and_published_as_a_dead_letter()
    {
        var actor = StoppedActor();

        actor.Tell("too late", Probe);

        Assert.Equal(1, System.DeadLetters.Count);
        var letter = Assert.Single(_published);
        Assert.Equal(new DeadLetter("too late", Probe, actor, DeadLetterReason.RecipientTerminated), letter);
    }

    [Fact]
    public void An_unhandled_message_is_a_dead_letter_with_its_reason()
    {
        var actor = System.ActorOf(Props.Create(() => new OnlyStrings()), "strings");

        actor.Tell(42);
        Settle(actor);

        var letter = Assert.Single(_published);
        Assert.Equal(42, letter.Message);
        Assert.Equal(DeadLetterReason.Unhandled, letter.Reason);
    }

    [Fact]
    public void A_reply_to_a_message_without_sender_goes_to_the_dead_letters()
    {
        var actor = System.ActorOf(Props.Create(() => new OnlyStrings()), "strings");

        actor.Tell("who am I talking to?");
        Settle(actor);

        Assert.Equal(DeadLetterReason.NoRecipient, Assert.Single(_published).Reason);
    }

    [Fact]
    public void Messages_still_queued_when_an_actor_stops_become_dead_letters()
    {
        var actor = System.ActorOf(Props.Create(() => new OnlyStrings()), "strings");
        var gate = new TaskCompletionSource();
        Probe.Send(actor, gate.Task);
        Probe.ExpectMsg("blocked");
        actor.Tell("queued 1");
        actor.Tell("queued 2");
        Probe.Watch(actor);

        System.Stop(actor);
        gate.SetResult();

        Probe.ExpectTerminated(actor);
        Assert.Equal(["queued 1", "queued 2"], _published.Select(l => l.Message));
    }

    [Fact]
    public async Task A_throwing_observer_does_not_break_the_sender()
    {
        await using var system = new ActorSystem("observer", new VirtualTime(), new ActorSystemOptions { OnDeadLetter = _ => throw new InvalidOperationException() });

        system.DeadLetters.Tell("nobody");

        Assert.Equal(1, system.DeadLetters.Count);
    }

    private IActorRef StoppedActor()
    {
        var actor = System.ActorOf(Props.Create(() => new OnlyStrings()), "gone");
        Probe.Watch(actor);
        System.Stop(actor);
        Probe.ExpectTerminated(actor);
        return actor;
    }

    private sealed class OnlyStrings : ReceiveActor
    {
        public OnlyStrings()
        {
            Receive<string>(s => Sender.Tell("echo " + s));
            ReceiveAsync<Task>(gate =>
            {
                Sender.Tell("blocked");
                return gate;
            });
        }
    }
}
