using System.Collections.Concurrent;

namespace StandbyOps.Actors.Tests;

public sealed class ActorSystemMetricsTests : ActorTestBase
{
    private readonly ConcurrentQueue<(string Kind, TimeSpan Elapsed)> _timings;

    public ActorSystemMetricsTests()
        : this(new ConcurrentQueue<(string, TimeSpan)>())
    {
    }

    private ActorSystemMetricsTests(ConcurrentQueue<(string, TimeSpan)> timings)
        : base(new ActorSystemOptions { OnMessageProcessed = (kind, elapsed) => timings.Enqueue((kind, elapsed)) }) => _timings = timings;

    [Fact]
    public void Live_actors_count_started_actors_and_drop_stopped_ones()
    {
        var first = System.ActorOf(Props.Create(() => new Gauge()), "first");
        System.ActorOf(Props.Create(() => new Gauge()), "second");
        Assert.Equal(2, System.Metrics.LiveActors);

        Probe.Watch(first);
        System.Stop(first);
        Probe.ExpectTerminated(first);

        Assert.Equal(1, System.Metrics.LiveActors);
    }

    [Fact]
    public void Mailbox_depth_counts_waiting_messages_per_actor_kind()
    {
        var gate = new TaskCompletionSource();
        var busy = System.ActorOf(Props.Create(() => new Gauge()), "busy");
        System.ActorOf(Props.Create(() => new Idle()), "idle");
        Probe.Send(busy, gate.Task);
        Probe.ExpectMsg("blocked");

        for (var i = 0; i < 5; i++)
        {
            busy.Tell(i);
        }

        Assert.Equal(5, System.Metrics.MailboxDepth);
        var byKind = System.Metrics.MailboxDepthByKind();
        Assert.Equal(5, byKind[nameof(Gauge)]);
        Assert.Equal(0, byKind[nameof(Idle)]);

        gate.SetResult();
        Settle(busy);
        Assert.Equal(0, System.Metrics.MailboxDepth);
    }

    [Fact]
    public void Messages_processed_include_those_of_stopped_actors()
    {
        var actor = System.ActorOf(Props.Create(() => new Gauge()), "counted");
        for (var i = 0; i < 10; i++)
        {
            actor.Tell(i);
        }

        Settle(actor);
        Assert.Equal(11, System.Metrics.MessagesProcessed);
        Probe.Watch(actor);
        System.Stop(actor);
        Probe.ExpectTerminated(actor);

        Assert.Equal(11, System.Metrics.MessagesProcessed);
    }

    [Fact]
    public void The_processing_time_callback_receives_the_actor_kind()
    {
        var actor = System.ActorOf(Props.Create(() => new Gauge()), "timed");

        actor.Tell(1);
        Settle(actor);

        var timing = Assert.Single(_timings);
        Assert.Equal(nameof(Gauge), timing.Kind);
        Assert.True(timing.Elapsed >= TimeSpan.Zero);
    }

    [Fact]
    public void Dead_letters_are_counted_in_the_metrics()
    {
        System.DeadLetters.Tell("nobody");

        Assert.Equal(1, System.Metrics.DeadLetters);
    }

    private sealed class Gauge : ReceiveActor
    {
        public Gauge()
        {
            Receive<int>(_ => { });
            ReceiveAsync<Task>(gate =>
            {
                Sender.Tell("blocked");
                return gate;
            });
        }
    }

    private sealed class Idle : ReceiveActor
    {
    }
}
