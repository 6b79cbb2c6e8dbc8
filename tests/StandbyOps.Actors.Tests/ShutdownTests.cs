using System.Collections.Concurrent;
using NodaTime;
using StandbyOps.Actors.DeadLetters;
using StandbyOps.Actors.Supervision;

namespace StandbyOps.Actors.Tests;

public sealed class ShutdownTests : ActorTestBase
{
    private static readonly Duration Timeout = Duration.FromSeconds(30);

    private readonly ConcurrentQueue<DeadLetter> _deadLetters;

    public ShutdownTests()
        : this(new ConcurrentQueue<DeadLetter>())
    {
    }

    private ShutdownTests(ConcurrentQueue<DeadLetter> deadLetters)
        : base(new ActorSystemOptions
        {
            OnDeadLetter = deadLetters.Enqueue,
            GuardianStrategy = new SupervisorStrategy(
                SupervisorStrategy.DefaultDecider,
                new RestartSettings(Duration.FromMinutes(1), Duration.FromMinutes(1), 10, Duration.FromHours(1))),
        }) => _deadLetters = deadLetters;

    [Fact]
    public async Task Graceful_shutdown_handles_every_queued_message_before_stopping()
    {
        var counter = new Counter();
        var gate = new TaskCompletionSource();
        var worker = System.ActorOf(Props.Create(() => new Worker(counter)), "worker");
        Block(worker, gate);
        for (var i = 0; i < 1000; i++)
        {
            worker.Tell(i);
        }

        var shutdown = System.ShutdownAsync(Timeout);
        gate.SetResult();

        Assert.True(await shutdown.WaitAsync(Guard));
        Assert.Equal(1000, counter.Handled);
        Assert.Equal(1000, counter.HandledWhenStopped);
        Assert.Empty(_deadLetters);
    }

    [Fact]
    public async Task Graceful_shutdown_refuses_messages_told_after_it_began()
    {
        var counter = new Counter();
        var gate = new TaskCompletionSource();
        var worker = System.ActorOf(Props.Create(() => new Worker(counter)), "worker");
        Block(worker, gate);

        var shutdown = System.ShutdownAsync(Timeout);
        worker.Tell(1);
        gate.SetResult();
        await shutdown.WaitAsync(Guard);
        worker.Tell(2);

        Assert.Equal(0, counter.Handled);
        Assert.Equal(
            [DeadLetterReason.ShuttingDown, DeadLetterReason.RecipientTerminated],
            _deadLetters.Select(l => l.Reason));
        Assert.Equal(2, System.DeadLetters.Count);
    }

    [Fact]
    public async Task Graceful_shutdown_stops_children_before_their_parents()
    {
        var order = new ConcurrentQueue<string>();
        System.ActorOf(Props.Create(() => new Node(order, 2)), "root");

        await System.ShutdownAsync(Timeout).WaitAsync(Guard);

        var stopped = order.ToList();
        Assert.Equal(7, stopped.Count);
        foreach (var path in stopped)
        {
            var parent = path[..path.LastIndexOf('/')];
            if (stopped.Contains(parent))
            {
                Assert.True(stopped.IndexOf(path) < stopped.IndexOf(parent), $"{path} stopped after its parent");
            }
        }
    }

    [Fact]
    public async Task Graceful_shutdown_gives_up_draining_when_its_timeout_passes_on_the_scheduler()
    {
        var gate = new TaskCompletionSource();
        var worker = System.ActorOf(Props.Create(() => new Worker(new Counter())), "worker");
        Block(worker, gate);
        worker.Tell(1);

        var shutdown = System.ShutdownAsync(Timeout);
        Time.Advance(Timeout);
        gate.SetResult();

        Assert.False(await shutdown.WaitAsync(Guard));
        await System.WhenTerminated.WaitAsync(Guard);
    }

    [Fact]
    public async Task Terminate_stops_at_once_and_turns_queued_messages_into_dead_letters()
    {
        var counter = new Counter();
        var worker = System.ActorOf(Props.Create(() => new Worker(counter)), "worker");

        // A failed worker waits a minute of virtual time for its restart, holding its mailbox.
        worker.Tell(new InvalidOperationException("down"));
        Assert.True(Time.WaitForPending(1, Guard));
        worker.Tell(1);
        worker.Tell(2);
        await System.Terminate().WaitAsync(Guard);

        Assert.Equal(0, counter.Handled);
        Assert.Equal(2, _deadLetters.Count);
        Assert.Equal(0, System.Metrics.LiveActors);
    }

    [Fact]
    public async Task An_ask_pending_during_shutdown_still_gets_its_reply()
    {
        var gate = new TaskCompletionSource();
        var worker = System.ActorOf(Props.Create(() => new Worker(new Counter())), "worker");
        Block(worker, gate);
        var ask = worker.Ask<string>("status?", Timeout);

        var shutdown = System.ShutdownAsync(Timeout);
        gate.SetResult();

        Assert.Equal("busy", await ask.WaitAsync(Guard));
        Assert.True(await shutdown.WaitAsync(Guard));
    }

    [Fact]
    public async Task A_second_shutdown_waits_for_the_first()
    {
        System.ActorOf(Props.Create(() => new Worker(new Counter())), "worker");

        var first = System.ShutdownAsync(Timeout);
        var second = System.ShutdownAsync(Timeout);

        Assert.True(await first.WaitAsync(Guard));
        Assert.True(await second.WaitAsync(Guard));
        Assert.True(System.WhenTerminated.IsCompleted);
    }

    [Fact]
    public void An_actor_can_stop_itself()
    {
        var worker = System.ActorOf(Props.Create(() => new Worker(new Counter())), "worker");
        Probe.Watch(worker);

        worker.Tell(new StopYourself());

        Probe.ExpectTerminated(worker);
    }

    private sealed record StopYourself;

    private void Block(IActorRef worker, TaskCompletionSource gate)
    {
        Probe.Send(worker, gate.Task);
        Probe.ExpectMsg("blocked");
    }

    private sealed class Counter
    {
        private int _handled;

        public int Handled => Volatile.Read(ref _handled);

        public int HandledWhenStopped { get; set; } = -1;

        public void Increment() => Interlocked.Increment(ref _handled);
    }

    private sealed class Worker : ReceiveActor
    {
        private readonly Counter _counter;

        public Worker(Counter counter)
        {
            _counter = counter;
            ReceiveAsync<Task>(gate =>
            {
                Sender.Tell("blocked");
                return gate;
            });
            Receive<int>(_ => counter.Increment());
            Receive<string>(_ => Sender.Tell("busy"));
            Receive<Exception>(failure => throw failure);
            Receive<StopYourself>(_ => Context.Stop(Self));
        }

        protected override void PostStop() => _counter.HandledWhenStopped = _counter.Handled;
    }

    private sealed class Node : ReceiveActor
    {
        private readonly ConcurrentQueue<string> _order;
        private readonly int _depth;

        public Node(ConcurrentQueue<string> order, int depth)
        {
            _order = order;
            _depth = depth;
        }

        protected override void PreStart()
        {
            if (_depth > 0)
            {
                Context.ActorOf(Props.Create(() => new Node(_order, _depth - 1)), "a");
                Context.ActorOf(Props.Create(() => new Node(_order, _depth - 1)), "b");
            }
        }

        protected override void PostStop() => _order.Enqueue(Self.Path);
    }
}
