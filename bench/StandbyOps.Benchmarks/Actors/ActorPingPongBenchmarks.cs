using BenchmarkDotNet.Attributes;
using NodaTime;
using StandbyOps.Actors;
using StandbyOps.Actors.Time;

namespace StandbyOps.Benchmarks.Actors;

/// <summary>
/// (a) Ping-pong: pairs of actors bounce one message back and forth; every hop is a Tell to an idle actor,
/// so each message pays a full schedule on the thread pool. Times are per message (all pairs together).
/// </summary>
[Config(typeof(ActorBenchmarkConfig))]
public class ActorPingPongBenchmarks
{
    // Split evenly over the pairs, so OperationsPerInvoke stays constant across [Params].
    private const int Messages = 400_000;

    private IActorRef[] _pings = [];
    private ActorSystem _system = null!;
    private Finish _finish = null!;

    [Params(1, 8)]
    public int Pairs { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _system = new ActorSystem("bench", new SystemScheduler(SystemClock.Instance));
        _finish = new Finish();
        _pings = new IActorRef[Pairs];
        for (var i = 0; i < Pairs; i++)
        {
            var pong = _system.ActorOf(Props.Create(() => new Pong()), $"pong-{i}");
            _pings[i] = _system.ActorOf(Props.Create(() => new Ping(pong, _finish)), $"ping-{i}");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _system.Terminate().GetAwaiter().GetResult();

    [Benchmark(OperationsPerInvoke = Messages)]
    public Task PingPong()
    {
        var done = _finish.Reset(Pairs);
        foreach (var ping in _pings)
        {
            ping.Tell(new Serve(Messages / Pairs));
        }

        return done;
    }

    private sealed record Serve(int Messages);

    private sealed class Finish
    {
        private TaskCompletionSource _done = new();
        private int _remaining;

        public Task Reset(int pairs)
        {
            _done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref _remaining, pairs);
            return _done.Task;
        }

        public void PairDone()
        {
            if (Interlocked.Decrement(ref _remaining) == 0)
            {
                _done.TrySetResult();
            }
        }
    }

    private sealed class Ping : ReceiveActor
    {
        private static readonly object Ball = new();
        private int _left;

        public Ping(IActorRef pong, Finish finish)
        {
            Receive<Serve>(serve =>
            {
                _left = serve.Messages;
                pong.Tell(Ball, Self);
            });
            ReceiveAny(ball =>
            {
                // Two messages per round trip: ping→pong and pong→ping.
                _left -= 2;
                if (_left <= 0)
                {
                    finish.PairDone();
                }
                else
                {
                    pong.Tell(ball, Self);
                }
            });
        }
    }

    private sealed class Pong : ReceiveActor
    {
        public Pong() => ReceiveAny(ball => Sender.Tell(ball, Self));
    }
}
