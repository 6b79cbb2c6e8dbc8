using System.Diagnostics;
using System.Globalization;
using Akka.Actor;
using Akka.Configuration;

namespace StandbyOps.Benchmarks.Actors;

/// <summary>
/// The actor benchmarks as a short driver (not BenchmarkDotNet, so one run stays within a minute on a
/// shared machine): round-robin throughput to 100,000 live actors (10 messages each, one producer),
/// the start of 100,000 idle actors (until every <c>PreStart</c> ran) and the heap each idle actor
/// retains. Until the own kernel was deleted it ran the same measurements on it, alternating, for the side-by-side
/// figures in docs/benchmarks.md. <c>dotnet run -c Release --project bench/StandbyOps.Benchmarks -- actors [rounds=3]</c>
/// </summary>
public static class ActorComparisonDriver
{
    private const int Actors = 100_000;
    private const int MessagesPerActor = 10;
    private static readonly object Work = new();

    /// <summary>Runs every measurement <c>rounds</c> times and prints one line per measurement.</summary>
    public static async Task RunAsync(string[] args)
    {
        var rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 3;
        Console.WriteLine($"cores={Environment.ProcessorCount} actors={Actors:N0} messages/actor={MessagesPerActor} rounds={rounds}");
        for (var round = 1; round <= rounds; round++)
        {
            Print("akka", round, await MeasureAkkaAsync().ConfigureAwait(false));
        }
    }

    private static void Print(string kernel, int round, Measurement m) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{kernel,-6} round {round}: start 100k {m.Start.TotalMilliseconds:F0} ms; idle retained {m.RetainedBytes / (double)Actors:F0} B/actor; round-robin {Actors * MessagesPerActor / m.Send.TotalSeconds / 1e6:F2} M msg/s"));

    private static async Task<Measurement> MeasureAkkaAsync()
    {
        using var system = ActorSystem.Create("bench", ConfigurationFactory.ParseString("akka.loglevel = WARNING\nakka.log-dead-letters = off"));
        var countdown = new Countdown();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var started = countdown.Reset(Actors);
        var clock = Stopwatch.StartNew();
        var actors = new IActorRef[Actors];
        for (var i = 0; i < Actors; i++)
        {
            actors[i] = system.ActorOf(Props.Create(() => new Receiver(countdown)), $"receiver-{i}");
        }

        await started.ConfigureAwait(false);
        var startElapsed = clock.Elapsed;
        var retained = GC.GetTotalMemory(forceFullCollection: true) - heapBefore;

        var done = countdown.Reset(Actors);
        clock.Restart();
        for (var message = 0; message < MessagesPerActor; message++)
        {
            foreach (var actor in actors)
            {
                actor.Tell(Work);
            }
        }

        await done.ConfigureAwait(false);
        var sendElapsed = clock.Elapsed;
        await system.Terminate().ConfigureAwait(false);
        return new Measurement(startElapsed, retained, sendElapsed);
    }

    /// <summary>One round's figures.</summary>
    internal sealed record Measurement(TimeSpan Start, long RetainedBytes, TimeSpan Send);

    /// <summary>Counts actors that reached a milestone (started, or handled a round's messages).</summary>
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

        public Receiver(Countdown countdown)
        {
            _countdown = countdown;
            ReceiveAny(_ =>
            {
                if (++_received % MessagesPerActor == 0)
                {
                    countdown.Signal();
                }
            });
        }

        protected override void PreStart() => _countdown.Signal();
    }
}
