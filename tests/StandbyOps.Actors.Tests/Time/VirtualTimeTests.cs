using NodaTime;
using StandbyOps.Actors.Time;

namespace StandbyOps.Actors.Tests.Time;

public sealed class VirtualTimeTests
{
    private static readonly Instant Start = Instant.FromUtc(2026, 3, 29, 0, 30);

    [Fact]
    public void Time_stands_still_until_advanced()
    {
        var time = new VirtualTime(Start);

        time.Advance(Duration.FromMinutes(30));

        Assert.Equal(Start + Duration.FromMinutes(30), time.GetCurrentInstant());
    }

    [Fact]
    public void The_default_start_is_a_fixed_instant()
    {
        Assert.Equal(VirtualTime.DefaultStart, new VirtualTime().Now);
    }

    [Fact]
    public void Callbacks_run_in_due_order_and_equal_instants_in_scheduling_order()
    {
        var time = new VirtualTime(Start);
        var order = new List<string>();
        time.ScheduleOnce(Duration.FromMinutes(3), () => order.Add("c"));
        time.ScheduleOnce(Duration.FromMinutes(1), () => order.Add("a1"));
        time.ScheduleOnce(Duration.FromMinutes(2), () => order.Add("b"));
        time.ScheduleOnce(Duration.FromMinutes(1), () => order.Add("a2"));

        time.Advance(Duration.FromMinutes(3));

        Assert.Equal(["a1", "a2", "b", "c"], order);
    }

    [Fact]
    public void A_callback_sees_its_own_due_instant_as_now()
    {
        var time = new VirtualTime(Start);
        var seen = new List<Instant>();
        time.ScheduleOnce(Duration.FromSeconds(10), () => seen.Add(time.Now));
        time.ScheduleOnce(Duration.FromSeconds(20), () => seen.Add(time.Now));

        time.Advance(Duration.FromMinutes(1));

        Assert.Equal([Start + Duration.FromSeconds(10), Start + Duration.FromSeconds(20)], seen);
        Assert.Equal(Start + Duration.FromMinutes(1), time.Now);
    }

    [Fact]
    public void Callbacks_scheduled_by_callbacks_run_within_the_same_advance_when_due()
    {
        var time = new VirtualTime(Start);
        var fired = 0;
        void Tick()
        {
            fired++;
            time.ScheduleOnce(Duration.FromMinutes(1), Tick);
        }

        time.ScheduleOnce(Duration.FromMinutes(1), Tick);
        time.Advance(Duration.FromMinutes(30));

        Assert.Equal(30, fired);
        Assert.Equal(1, time.PendingCount);
    }

    [Fact]
    public void A_callback_not_yet_due_does_not_run()
    {
        var time = new VirtualTime(Start);
        var fired = false;
        time.ScheduleOnce(Duration.FromMinutes(10), () => fired = true);

        time.Advance(Duration.FromMinutes(10) - Duration.Epsilon);

        Assert.False(fired);
        Assert.Equal(Start + Duration.FromMinutes(10), time.NextDue);
    }

    [Fact]
    public void A_disposed_callback_never_runs_and_is_no_longer_pending()
    {
        var time = new VirtualTime(Start);
        var fired = false;
        var handle = time.ScheduleOnce(Duration.FromMinutes(1), () => fired = true);

        handle.Dispose();
        time.Advance(Duration.FromMinutes(5));

        Assert.False(fired);
        Assert.Equal(0, time.PendingCount);
        Assert.Null(time.NextDue);
    }

    [Fact]
    public void A_zero_or_negative_delay_runs_on_the_next_advance_even_by_zero()
    {
        var time = new VirtualTime(Start);
        var fired = 0;
        time.ScheduleOnce(Duration.Zero, () => fired++);
        time.ScheduleOnce(Duration.FromSeconds(-5), () => fired++);

        time.Advance(Duration.Zero);

        Assert.Equal(2, fired);
        Assert.Equal(Start, time.Now);
    }

    [Fact]
    public void Advance_to_runs_everything_due_up_to_the_target()
    {
        var time = new VirtualTime(Start);
        var fired = 0;
        time.ScheduleOnce(Duration.FromHours(1), () => fired++);
        time.ScheduleOnce(Duration.FromHours(2), () => fired++);

        time.AdvanceTo(Start + Duration.FromHours(1));

        Assert.Equal(1, fired);
    }

    [Fact]
    public void Time_never_moves_backwards()
    {
        var time = new VirtualTime(Start);

        Assert.Throws<ArgumentOutOfRangeException>(() => time.Advance(Duration.FromSeconds(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => time.AdvanceTo(Start - Duration.FromSeconds(1)));
    }

    [Fact]
    public void Callbacks_scheduled_from_many_threads_each_run_exactly_once()
    {
        var time = new VirtualTime(Start);
        var runs = new int[4000];

        Parallel.For(0, runs.Length, i => time.ScheduleOnce(Duration.FromSeconds(i % 60), () => Interlocked.Increment(ref runs[i])));
        time.Advance(Duration.FromMinutes(1));

        Assert.All(runs, r => Assert.Equal(1, r));
        Assert.Equal(0, time.PendingCount);
    }

    [Fact]
    public async Task Wait_for_pending_returns_once_another_thread_has_scheduled()
    {
        var time = new VirtualTime(Start);

        var scheduler = Task.Run(() => time.ScheduleOnce(Duration.FromSeconds(1), () => { }));

        Assert.True(time.WaitForPending(1, TimeSpan.FromSeconds(10)));
        Assert.False(time.WaitForPending(2, TimeSpan.FromMilliseconds(20)));
        await scheduler.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Virtual_time_is_a_nodatime_clock()
    {
        IClock clock = new VirtualTime(Start);

        Assert.Equal(Start, clock.GetCurrentInstant());
    }
}
