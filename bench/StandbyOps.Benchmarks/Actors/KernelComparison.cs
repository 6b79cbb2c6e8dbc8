using System.Diagnostics;
using NodaTime;
using StandbyOps.Actors;
using StandbyOps.Actors.Time;

namespace StandbyOps.Benchmarks.Actors;

/// <summary>The own kernel's half of <see cref="ActorComparisonDriver"/> (same shape as the Akka half).</summary>
internal static class KernelComparison
{
    private static readonly object Work = new();

    public static async Task<ActorComparisonDriver.Measurement> MeasureAsync(int actors, int messagesPerActor)
    {
        var system = new ActorSystem("bench", new SystemScheduler(SystemClock.Instance));
        var countdown = new ActorComparisonDriver.Countdown();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var started = countdown.Reset(actors);
        var clock = Stopwatch.StartNew();
        var refs = new IActorRef[actors];
        for (var i = 0; i < actors; i++)
        {
            refs[i] = system.ActorOf(Props.Create(() => new Receiver(countdown, messagesPerActor)), $"receiver-{i}");
        }

        await started.ConfigureAwait(false);
        var startElapsed = clock.Elapsed;
        var retained = GC.GetTotalMemory(forceFullCollection: true) - heapBefore;

        var done = countdown.Reset(actors);
        clock.Restart();
        for (var message = 0; message < messagesPerActor; message++)
        {
            foreach (var actor in refs)
            {
                actor.Tell(Work);
            }
        }

        await done.ConfigureAwait(false);
        var sendElapsed = clock.Elapsed;
        await system.Terminate().ConfigureAwait(false);
        return new ActorComparisonDriver.Measurement(startElapsed, retained, sendElapsed);
    }

    private sealed class Receiver : ReceiveActor
    {
        private readonly ActorComparisonDriver.Countdown _countdown;
        private int _received;

        public Receiver(ActorComparisonDriver.Countdown countdown, int perRound)
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
