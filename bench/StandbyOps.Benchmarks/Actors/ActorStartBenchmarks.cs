using BenchmarkDotNet.Attributes;
using StandbyOps.Actors;
using StandbyOps.Actors.Time;

namespace StandbyOps.Benchmarks.Actors;

/// <summary>
/// (c) + (d) Starting 100,000 top-level actors until every PreStart has run. Times and allocations are
/// per actor. After each iteration the retained heap of the idle actors is measured with
/// <see cref="GC.GetTotalMemory(bool)"/> and printed as "idle actor retained bytes" in the run log.
/// </summary>
[Config(typeof(ActorBenchmarkConfig))]
public class ActorStartBenchmarks
{
    private const int Actors = 100_000;

    private readonly ActorThroughputBenchmarks.Countdown _started = new();
    private ActorSystem _system = null!;
    private long _heapBefore;

    [IterationSetup]
    public void CreateSystem()
    {
        _system = new ActorSystem("bench", new VirtualTime());
        _heapBefore = GC.GetTotalMemory(forceFullCollection: true);
    }

    [IterationCleanup]
    public void MeasureAndTerminate()
    {
        var retained = GC.GetTotalMemory(forceFullCollection: true) - _heapBefore;
        Console.WriteLine($"// idle actor retained bytes: {retained / (double)Actors:F0} ({retained:N0} bytes for {Actors:N0} actors, {_system.Metrics.LiveActors:N0} live)");
        _system.Terminate().GetAwaiter().GetResult();
    }

    [Benchmark(OperationsPerInvoke = Actors)]
    public Task Start_100k_actors()
    {
        var done = _started.Reset(Actors);
        for (var i = 0; i < Actors; i++)
        {
            _system.ActorOf(Props.Create(() => new Idle(_started)), $"idle-{i}");
        }

        return done;
    }

    private sealed class Idle : ReceiveActor
    {
        private readonly ActorThroughputBenchmarks.Countdown _started;

        public Idle(ActorThroughputBenchmarks.Countdown started)
        {
            _started = started;
            Receive<string>(_ => { });
        }

        protected override void PreStart() => _started.Signal();
    }
}
