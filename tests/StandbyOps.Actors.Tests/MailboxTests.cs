using StandbyOps.Actors.Testing;

namespace StandbyOps.Actors.Tests;

public sealed class MailboxTests : ActorTestBase
{
    private const int Count = 10_000;

    [Fact]
    public void Ten_thousand_messages_from_one_sender_arrive_in_the_order_told()
    {
        var actor = System.ActorOf(Props.Create(() => new Collector(Probe, Count)), "collector");

        for (var i = 0; i < Count; i++)
        {
            actor.Tell(i);
        }

        var received = Probe.ExpectMsg<int[]>();
        Assert.Equal(Enumerable.Range(0, Count), received);
    }

    [Fact]
    public void Messages_from_concurrent_senders_keep_each_senders_order()
    {
        const int senders = 4;
        var actor = System.ActorOf(Props.Create(() => new PerSenderOrder(Probe, senders * Count)), "ordered");

        Parallel.For(0, senders, sender =>
        {
            for (var i = 0; i < Count; i++)
            {
                actor.Tell(new Numbered(sender, i));
            }
        });

        Assert.Equal(0, Probe.ExpectMsg<int>());
    }

    [Fact]
    public void A_sync_handler_never_runs_concurrently_with_itself()
    {
        var gauge = new ConcurrencyGauge();
        var actor = System.ActorOf(Props.Create(() => new SyncWorker(gauge, Probe, Count)), "sync");

        Parallel.For(0, 4, _ =>
        {
            for (var i = 0; i < Count / 4; i++)
            {
                actor.Tell("work");
            }
        });

        Probe.ExpectMsg("done");
        Assert.Equal(1, gauge.Max);
    }

    [Fact]
    public void An_async_handler_finishes_one_message_before_the_next_starts()
    {
        const int messages = 500;
        var gauge = new ConcurrencyGauge();
        var actor = System.ActorOf(Props.Create(() => new AsyncWorker(gauge, Probe, messages)), "async");

        Parallel.For(0, 2, _ =>
        {
            for (var i = 0; i < messages / 2; i++)
            {
                actor.Tell("work");
            }
        });

        Probe.ExpectMsg("done");
        Assert.Equal(1, gauge.Max);
    }

    [Fact]
    public void An_async_handler_that_awaits_keeps_the_sender_of_its_message()
    {
        var actor = System.ActorOf(Props.Create(() => new AsyncEcho()), "echo");

        Probe.Send(actor, "hello");

        Assert.Equal("hello", Probe.ExpectMsg<string>());
        Assert.Same(actor, Probe.LastSender);
    }

    private sealed record Numbered(int Sender, int Sequence);

    private sealed class ConcurrencyGauge
    {
        private int _current;
        private int _max;

        public int Max => Volatile.Read(ref _max);

        public void Enter()
        {
            var now = Interlocked.Increment(ref _current);
            int seen;
            while (now > (seen = Volatile.Read(ref _max)) && Interlocked.CompareExchange(ref _max, now, seen) != seen)
            {
            }
        }

        public void Leave() => Interlocked.Decrement(ref _current);
    }

    private sealed class Collector : ReceiveActor
    {
        private readonly List<int> _seen = [];

        public Collector(IActorRef report, int expected) =>
            Receive<int>(i =>
            {
                _seen.Add(i);
                if (_seen.Count == expected)
                {
                    report.Tell(_seen.ToArray());
                }
            });
    }

    private sealed class PerSenderOrder : ReceiveActor
    {
        private readonly Dictionary<int, int> _next = [];
        private int _outOfOrder;
        private int _total;

        public PerSenderOrder(IActorRef report, int expected) =>
            Receive<Numbered>(n =>
            {
                if (_next.GetValueOrDefault(n.Sender) != n.Sequence)
                {
                    _outOfOrder++;
                }

                _next[n.Sender] = n.Sequence + 1;
                if (++_total == expected)
                {
                    report.Tell(_outOfOrder);
                }
            });
    }

    private sealed class SyncWorker : ReceiveActor
    {
        private int _handled;

        public SyncWorker(ConcurrencyGauge gauge, IActorRef report, int expected) =>
            Receive<string>(_ =>
            {
                gauge.Enter();
                Thread.SpinWait(50);
                gauge.Leave();
                if (++_handled == expected)
                {
                    report.Tell("done");
                }
            });
    }

    private sealed class AsyncWorker : ReceiveActor
    {
        private int _handled;

        public AsyncWorker(ConcurrencyGauge gauge, IActorRef report, int expected) =>
            ReceiveAsync<string>(async _ =>
            {
                gauge.Enter();
                await Task.Yield();
                Thread.SpinWait(20);
                gauge.Leave();
                if (++_handled == expected)
                {
                    report.Tell("done");
                }
            });
    }

    private sealed class AsyncEcho : ReceiveActor
    {
        public AsyncEcho() =>
            ReceiveAsync<string>(async text =>
            {
                await Task.Yield();
                Sender.Tell(text, Self);
            });
    }
}
