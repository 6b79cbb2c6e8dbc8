using System.Collections.Concurrent;
using NodaTime;
using StandbyOps.Actors.Supervision;
using StandbyOps.Actors.Testing;
using StandbyOps.Actors.Time;

namespace StandbyOps.Actors.Tests.Supervision;

public sealed class SupervisionTests : ActorTestBase
{
    private static readonly RestartSettings Backoff = new(Duration.FromMilliseconds(100), Duration.FromMilliseconds(300), 10, Duration.FromMinutes(1));

    private readonly ConcurrentQueue<ActorFailure> _failures;

    public SupervisionTests()
        : this(new ConcurrentQueue<ActorFailure>())
    {
    }

    private SupervisionTests(ConcurrentQueue<ActorFailure> failures)
        : base(new ActorSystemOptions
        {
            OnActorFailure = failures.Enqueue,
            GuardianStrategy = new SupervisorStrategy(
                ex => ex switch
                {
                    ActorInitializationException => Directive.Stop,
                    ArgumentException => Directive.Resume,
                    NotSupportedException => Directive.Stop,
                    _ => Directive.Restart,
                },
                Backoff),
        })
    {
        _failures = failures;
    }

    [Fact]
    public void A_restart_waits_for_its_backoff_on_the_virtual_clock()
    {
        var worker = System.ActorOf(Props.Create(() => new Worker(Probe)), "worker");
        Probe.ExpectMsg("started");

        worker.Tell(new Fail(new InvalidOperationException("transient")));
        Assert.True(Time.WaitForPending(1, Guard));
        Time.Advance(Duration.FromMilliseconds(99));
        Probe.ExpectNoMsg();
        Time.Advance(Duration.FromMilliseconds(1));

        Probe.ExpectMsg("started");
    }

    [Fact]
    public void Consecutive_restarts_double_the_backoff_up_to_its_maximum()
    {
        var worker = System.ActorOf(Props.Create(() => new Worker(Probe)), "worker");
        Probe.ExpectMsg("started");
        var waits = new List<Duration>();

        for (var i = 0; i < 4; i++)
        {
            worker.Tell(new Fail(new InvalidOperationException("transient")));
            Assert.True(Time.WaitForPending(1, Guard));
            var due = Time.NextDue!.Value;
            waits.Add(due - Time.Now);
            Time.AdvanceTo(due);
            Probe.ExpectMsg("started");
        }

        Assert.Equal(new[] { 100, 200, 300, 300 }.Select(ms => Duration.FromMilliseconds(ms)), waits);
    }

    [Fact]
    public void A_restart_gives_a_fresh_instance_but_keeps_the_queued_messages()
    {
        var worker = System.ActorOf(Props.Create(() => new Worker(Probe)), "worker");
        Probe.ExpectMsg("started");
        worker.Tell(new Count());
        worker.Tell(new Fail(new InvalidOperationException("transient")));
        Assert.True(Time.WaitForPending(1, Guard));

        worker.Tell(new Count());
        worker.Tell(new Count());
        Time.Advance(Duration.FromMilliseconds(100));

        Probe.ExpectMsg(1);
        Probe.ExpectMsg("started");
        Probe.ExpectMsg(1);
        Probe.ExpectMsg(2);
    }

    [Fact]
    public void Resume_keeps_the_instance_and_its_state()
    {
        var worker = System.ActorOf(Props.Create(() => new Worker(Probe)), "worker");
        Probe.ExpectMsg("started");
        worker.Tell(new Count());
        Probe.ExpectMsg(1);

        worker.Tell(new Fail(new ArgumentException("bad input")));
        worker.Tell(new Count());

        Probe.ExpectMsg(2);
        Assert.Contains(_failures, f => f.Directive == Directive.Resume);
    }

    [Fact]
    public void The_stop_directive_stops_the_failing_actor()
    {
        var worker = System.ActorOf(Props.Create(() => new Worker(Probe)), "worker");
        Probe.ExpectMsg("started");
        Probe.Watch(worker);

        worker.Tell(new Fail(new NotSupportedException("fatal")));

        Probe.ExpectTerminated(worker);
        Assert.Contains(_failures, f => f.Directive == Directive.Stop && f.Cause is NotSupportedException);
    }

    [Fact]
    public async Task An_actor_whose_constructor_throws_is_stopped_by_default()
    {
        var failures = new ConcurrentQueue<ActorFailure>();
        await using var system = new ActorSystem("defaults", new VirtualTime(), new ActorSystemOptions { OnActorFailure = failures.Enqueue });
        var probe = new TestProbe(system);
        var broken = system.ActorOf(Props.Create(() => new BrokenConstructor()), "broken");

        probe.Watch(broken);

        probe.ExpectTerminated(broken);
        var failure = Assert.Single(failures);
        Assert.IsType<ActorInitializationException>(failure.Cause);
        Assert.IsType<InvalidOperationException>(failure.Cause.InnerException);
        Assert.Equal(Directive.Stop, failure.Directive);
    }

    [Fact]
    public void An_actor_whose_pre_start_throws_is_stopped_and_its_messages_become_dead_letters()
    {
        var broken = System.ActorOf(Props.Create(() => new BrokenPreStart()), "broken");
        Probe.Watch(broken);
        broken.Tell("hello");

        Probe.ExpectTerminated(broken);

        Assert.Equal(1, System.DeadLetters.Count);
    }

    [Fact]
    public void A_parent_escalates_when_its_child_restarts_too_often_and_is_restarted_itself()
    {
        var parent = System.ActorOf(Props.Create(() => new Parent(Probe)).WithSupervisorStrategy(Parent.Strategy), "parent");
        var child = ExpectParentAndChildStarted();

        for (var i = 0; i < 2; i++)
        {
            child.Tell(new Fail(new InvalidOperationException("flaky")));
            Probe.ExpectMsg("started");
        }

        child.Tell(new Fail(new InvalidOperationException("flaky")));
        Assert.True(Time.WaitForPending(1, Guard));
        Time.Advance(Duration.FromMilliseconds(100));

        Assert.NotSame(child, ExpectParentAndChildStarted());
        Assert.Equal(
            [Directive.Restart, Directive.Restart, Directive.Escalate, Directive.Restart],
            _failures.Select(f => f.Directive));
        Assert.Same(parent, _failures.Last().Actor);
    }

    [Fact]
    public void A_stopped_child_is_not_restarted_by_a_pending_backoff()
    {
        var worker = System.ActorOf(Props.Create(() => new Worker(Probe)), "worker");
        Probe.ExpectMsg("started");
        Probe.Watch(worker);
        worker.Tell(new Fail(new InvalidOperationException("transient")));
        Assert.True(Time.WaitForPending(1, Guard));

        System.Stop(worker);
        Probe.ExpectTerminated(worker);
        Time.Advance(Duration.FromSeconds(1));

        Probe.ExpectNoMsg();
    }

    /// <summary>The parent reports its new child and the child reports "started", in either order.</summary>
    private IActorRef ExpectParentAndChildStarted()
    {
        var first = Probe.ExpectMsg<object>();
        var second = Probe.ExpectMsg<object>();
        Assert.Contains("started", new[] { first, second });
        return Assert.Single(new[] { first, second }.OfType<ParentStarted>()).Child;
    }

    private sealed record Fail(Exception Cause);

    private sealed record ParentStarted(IActorRef Child);

    private sealed record Count;

    private sealed class Worker : ReceiveActor
    {
        private readonly IActorRef _report;
        private int _count;

        public Worker(IActorRef report)
        {
            _report = report;
            Receive<Fail>(f => throw f.Cause);
            Receive<Count>(_ => report.Tell(++_count));
        }

        protected override void PreStart() => _report.Tell("started");
    }

    private sealed class Parent : ReceiveActor
    {
        private readonly IActorRef _report;

        public Parent(IActorRef report) => _report = report;

        public static SupervisorStrategy Strategy { get; } = new(
            _ => Directive.Restart,
            new RestartSettings(Duration.Zero, Duration.Zero, 2, Duration.FromMinutes(1), Directive.Escalate));

        protected override void PreStart()
        {
            var child = Context.ActorOf(Props.Create(() => new Worker(_report)), "child");
            _report.Tell(new ParentStarted(child));
        }
    }

    private sealed class BrokenConstructor : ReceiveActor
    {
        public BrokenConstructor() => throw new InvalidOperationException("no config");
    }

    private sealed class BrokenPreStart : ReceiveActor
    {
        public BrokenPreStart() => Receive<string>(_ => { });

        protected override void PreStart() => throw new InvalidOperationException("store unreachable");
    }
}
