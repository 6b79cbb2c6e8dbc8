using BenchmarkDotNet.Attributes;
using NodaTime;
using StandbyOps.Actors;
using StandbyOps.Actors.Time;

namespace StandbyOps.Benchmarks.Actors;

/// <summary>
/// (b) Aggregate throughput: 100,000 live actors each receive 10 messages per invocation (one million
/// in all) from one producer thread, either round-robin or in bursts of 10 per actor. Times are per
/// message from the first Tell until every actor has handled its share; the allocation column is the
/// per-message cost of a Tell (the envelope).
/// </summary>
[Config(typeof(ActorBenchmarkConfig))]
public class ActorThroughputBenchmarks
{
    private const int Actors = 100_000;
    private const int MessagesPerActor = 10;
    private static readonly object Work = new();

    private readonly Countdown _countdown = new();
    private IActorRef[] _actors = [];
    private ActorSystem _system = null!;

    [GlobalSetup]
    public void Setup()
    {
        _system = new ActorSystem("bench", new SystemScheduler(SystemClock.Instance));
        _actors = new IActorRef[Actors];
        var started = _countdown.Reset(Actors);
        for (var i = 0; i < Actors; i++)
        {
            _actors[i] = _system.ActorOf(Props.Create(() => new Receiver(_countdown, MessagesPerActor)), $"receiver-{i}");
        }

        started.GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => _system.Terminate().GetAwaiter().GetResult();

    /// <summary>Each producer cycles through its actors once per round: nearly every Tell finds its actor idle and schedules it.</summary>
    [Benchmark(OperationsPerInvoke = Actors * MessagesPerActor)]
    public Task Tell_to_100k_actors_round_robin() => Send(burst: false);

    /// <summary>Each producer tells an actor its 10 messages in a row: one schedule serves several messages.</summary>
    [Benchmark(OperationsPerInvoke = Actors * MessagesPerActor)]
    public Task Tell_to_100k_actors_in_bursts() => Send(burst: true);

    // One producer, the benchmark thread: on two cores a producer per core would leave none for the
    // actors, and their contention on the thread pool's global queue halves the result.
    private Task Send(bool burst)
    {
        var done = _countdown.Reset(Actors);
        if (burst)
        {
            foreach (var actor in _actors)
            {
                for (var message = 0; message < MessagesPerActor; message++)
                {
                    actor.Tell(Work);
                }
            }
        }
        else
        {
            for (var round = 0; round < MessagesPerActor; round++)
            {
                foreach (var actor in _actors)
                {
                    actor.Tell(Work);
                }
            }
        }

        return done;
    }

    /// <summary>Counts actors that have reached a milestone (started, or handled a round's messages).</summary>
    internal sealed class Countdown
    {
        private TaskCompletionSource _done = new();
        private int _remaining;

        public Task Reset(int count)
        {
            _done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref _remaining, count);
            return _done.Task;
        }

        public void Signal()
        {
            if (Interlocked.Decrement(ref _remaining) == 0)
            {
                _done.TrySetResult();
            }
        }
    }

    private sealed class Receiver : ReceiveActor
    {
        private readonly Countdown _countdown;
        private int _received;

        public Receiver(Countdown countdown, int perRound)
        {
            _countdown = countdown;
            ReceiveAny(_ =>
            {
                if (++_received % perRound == 0)
                {
                    countdown.Signal();
                }
            });
        }

        protected override void PreStart() => _countdown.Signal();
    }
}
