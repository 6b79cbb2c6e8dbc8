using NodaTime;

namespace StandbyOps.Actors.Tests.Timers;

public sealed class TimerTests : ActorTestBase
{
    private static readonly Duration Second = Duration.FromSeconds(1);
    private static readonly Duration Millisecond = Duration.FromMilliseconds(1);

    private readonly IActorRef _actor;

    public TimerTests()
    {
        _actor = System.ActorOf(Props.Create(() => new Clockwork(Probe)), "clockwork");
        Probe.ExpectMsg("started");
    }

    [Fact]
    public void A_single_timer_delivers_its_message_once_when_due()
    {
        Command(new StartSingle("ack", "ack timed out", Duration.FromMinutes(10)));

        Time.Advance(Duration.FromMinutes(10) - Millisecond);
        Probe.ExpectNoMsg();
        Time.Advance(Millisecond);
        Probe.ExpectMsg("ack timed out");
        Time.Advance(Duration.FromHours(1));
        Probe.ExpectNoMsg();
    }

    [Fact]
    public void A_single_timer_is_no_longer_active_once_delivered()
    {
        Command(new StartSingle("ack", "ack timed out", Second));
        Assert.True(Query("ack"));

        Time.Advance(Second);
        Probe.ExpectMsg("ack timed out");

        Assert.False(Query("ack"));
    }

    [Fact]
    public void A_periodic_timer_fires_every_interval_an_advance_covers()
    {
        Command(new StartPeriodic("tick", "tick", null, Second));

        Time.Advance(Second * 3);

        Probe.ExpectMsg("tick");
        Probe.ExpectMsg("tick");
        Probe.ExpectMsg("tick");
        Probe.ExpectNoMsg();
        Assert.True(Query("tick"));
    }

    [Fact]
    public void A_periodic_timer_with_an_initial_delay_first_fires_after_that_delay()
    {
        Command(new StartPeriodic("tick", "tick", Duration.FromMilliseconds(100), Second));

        Time.Advance(Duration.FromMilliseconds(100));
        Probe.ExpectMsg("tick");
        Time.Advance(Second - Millisecond);
        Probe.ExpectNoMsg();
        Time.Advance(Millisecond);
        Probe.ExpectMsg("tick");
    }

    [Fact]
    public void A_cancelled_timer_never_delivers()
    {
        Command(new StartSingle("ack", "ack timed out", Second));

        Command(new CancelTimer("ack"));
        Time.Advance(Second * 2);

        Probe.ExpectNoMsg();
        Assert.False(Query("ack"));
        Assert.Equal(0, Time.PendingCount);
    }

    [Fact]
    public void Restarting_a_key_drops_the_message_its_previous_timer_already_fired()
    {
        Command(new StartSingle("step", "old step", Second));
        var gate = new TaskCompletionSource();
        _actor.Tell(new Block(gate.Task));
        Probe.ExpectMsg("blocked");
        _actor.Tell(new StartSingle("step", "new step", Second));

        // The old timer fires while the actor is busy: its message is queued behind the restart.
        Time.Advance(Second);
        gate.SetResult();
        Probe.ExpectMsg("ok");
        Time.Advance(Second);

        Probe.ExpectMsg("new step");
        Probe.ExpectNoMsg();
    }

    [Fact]
    public void Timers_are_cancelled_when_the_actor_stops()
    {
        Command(new StartPeriodic("tick", "tick", null, Second));
        Command(new StartSingle("ack", "ack", Second));
        Probe.Watch(_actor);

        System.Stop(_actor);
        Probe.ExpectTerminated(_actor);
        Time.Advance(Second * 5);

        Assert.Equal(0, Time.PendingCount);
        Assert.Equal(0, System.DeadLetters.Count);
    }

    [Fact]
    public void Timers_are_cancelled_when_the_actor_restarts()
    {
        Command(new StartPeriodic("tick", "tick", null, Second));

        _actor.Tell(new Explode());
        Probe.ExpectMsg("started");
        Time.Advance(Second * 5);

        Probe.ExpectNoMsg();
        Assert.False(Query("tick"));
        Assert.Equal(0, Time.PendingCount);
    }

    private void Command(object command)
    {
        Probe.Send(_actor, command);
        Probe.ExpectMsg("ok");
    }

    private bool Query(object key)
    {
        Probe.Send(_actor, new IsActive(key));
        return Probe.ExpectMsg<bool>();
    }

    private sealed record StartSingle(object Key, object Message, Duration Delay);

    private sealed record StartPeriodic(object Key, object Message, Duration? InitialDelay, Duration Interval);

    private sealed record CancelTimer(object Key);

    private sealed record IsActive(object Key);

    private sealed record Block(Task Until);

    private sealed record Explode;

    private sealed class Clockwork : ReceiveActor
    {
        private readonly IActorRef _report;

        public Clockwork(IActorRef report)
        {
            _report = report;
            Receive<StartSingle>(s =>
            {
                Timers.StartSingleTimer(s.Key, s.Message, s.Delay);
                report.Tell("ok");
            });
            Receive<StartPeriodic>(s =>
            {
                if (s.InitialDelay is { } initial)
                {
                    Timers.StartPeriodicTimer(s.Key, s.Message, initial, s.Interval);
                }
                else
                {
                    Timers.StartPeriodicTimer(s.Key, s.Message, s.Interval);
                }

                report.Tell("ok");
            });
            Receive<CancelTimer>(c =>
            {
                Timers.Cancel(c.Key);
                report.Tell("ok");
            });
            Receive<IsActive>(q => report.Tell(Timers.IsTimerActive(q.Key)));
            ReceiveAsync<Block>(async b =>
            {
                report.Tell("blocked");
                await b.Until;
            });
            Receive<Explode>(_ => throw new InvalidOperationException("boom"));
            Receive<string>(fired => report.Tell(fired));
        }

        protected override void PreStart() => _report.Tell("started");
    }
}
