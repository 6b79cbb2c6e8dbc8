using NodaTime;
using StandbyOps.Actors.Time;

namespace StandbyOps.Actors.Tests.Time;

public sealed class SystemSchedulerTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);

    [Fact]
    public void Now_comes_from_the_given_clock()
    {
        var instant = Instant.FromUtc(2026, 10, 25, 1, 0);

        var scheduler = new SystemScheduler(new FixedClock(instant));

        Assert.Equal(instant, scheduler.GetCurrentInstant());
    }

    [Fact]
    public void A_scheduled_callback_runs()
    {
        var scheduler = new SystemScheduler(new FixedClock(Instant.FromUnixTimeSeconds(0)));
        using var fired = new ManualResetEventSlim();

        using var handle = scheduler.ScheduleOnce(Duration.FromMilliseconds(1), fired.Set);

        Assert.True(fired.Wait(Guard));
    }

    [Fact]
    public void A_disposed_callback_does_not_run()
    {
        var scheduler = new SystemScheduler(new FixedClock(Instant.FromUnixTimeSeconds(0)));
        using var later = new ManualResetEventSlim();
        var cancelledRan = false;

        scheduler.ScheduleOnce(Duration.FromMilliseconds(20), () => cancelledRan = true).Dispose();
        using var handle = scheduler.ScheduleOnce(Duration.FromMilliseconds(40), later.Set);

        Assert.True(later.Wait(Guard));
        Assert.False(Volatile.Read(ref cancelledRan));
    }

    [Fact]
    public void A_dropped_handle_still_fires()
    {
        var scheduler = new SystemScheduler(new FixedClock(Instant.FromUnixTimeSeconds(0)));
        using var fired = new ManualResetEventSlim();

        Schedule(scheduler, fired);
        GC.Collect();
        GC.WaitForPendingFinalizers();

        Assert.True(fired.Wait(Guard));
    }

    // Not inlined, so the handle is unreachable once it returns.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void Schedule(SystemScheduler scheduler, ManualResetEventSlim fired) =>
        scheduler.ScheduleOnce(Duration.FromMilliseconds(50), fired.Set);

    private sealed class FixedClock(Instant instant) : IClock
    {
        public Instant GetCurrentInstant() => instant;
    }
}
