using System.Collections.Concurrent;

namespace StandbyOps.Actors.Tests;

public sealed class LifecycleTests : ActorTestBase
{
    [Fact]
    public void Hooks_run_in_order_across_a_restart_and_a_stop()
    {
        var log = new ConcurrentQueue<string>();
        var actor = System.ActorOf(Props.Create(() => new Hooked(log)), "hooked");
        Probe.Watch(actor);

        actor.Tell("fail");
        actor.Tell("after");
        Settle(actor);
        System.Stop(actor);
        Probe.ExpectTerminated(actor);

        Assert.Equal(
            ["ctor", "PreStart", "fail", "PreRestart fail", "PostStop", "ctor", "PostRestart", "PreStart", "after", "PostStop"],
            log);
    }

    [Fact]
    public void The_first_message_is_handled_after_pre_start()
    {
        var actor = System.ActorOf(Greeter.Props(Probe), "greeter");

        actor.Tell("hello");

        Probe.ExpectMsg("ready");
        Probe.ExpectMsg("hello");
    }

    [Fact]
    public void Become_switches_the_handlers_from_the_next_message()
    {
        var actor = System.ActorOf(Props.Create(() => new Toggle()), "toggle");

        Probe.Send(actor, "flip");
        Probe.Send(actor, "state?");
        Probe.Send(actor, "flip");
        Probe.Send(actor, "state?");

        Probe.ExpectMsg("on");
        Probe.ExpectMsg("off");
    }

    [Fact]
    public void Identify_is_answered_by_a_live_actor_with_its_ref_and_by_a_stopped_one_with_none()
    {
        var actor = System.ActorOf(Props.Create(() => new Toggle()), "toggle");

        Probe.Send(actor, new Identify("live"));
        Assert.Equal(new ActorIdentity("live", actor), Probe.ExpectMsg<ActorIdentity>());
        Probe.Watch(actor);
        System.Stop(actor);
        Probe.ExpectTerminated(actor);
        Probe.Send(actor, new Identify("dead"));

        Assert.Equal(new ActorIdentity("dead", null), Probe.ExpectMsg<ActorIdentity>());
    }

    [Fact]
    public void A_handler_predicate_selects_between_handlers_of_one_type()
    {
        var actor = System.ActorOf(Props.Create(() => new Classifier()), "classifier");

        Probe.Send(actor, -3);
        Probe.Send(actor, 3);

        Probe.ExpectMsg("negative");
        Probe.ExpectMsg("other");
    }

    private sealed class Hooked : ReceiveActor
    {
        private readonly ConcurrentQueue<string> _log;

        public Hooked(ConcurrentQueue<string> log)
        {
            _log = log;
            log.Enqueue("ctor");
            Receive<string>(s =>
            {
                log.Enqueue(s);
                if (s == "fail")
                {
                    throw new InvalidOperationException(s);
                }
            });
        }

        protected override void PreStart() => _log.Enqueue("PreStart");

        protected override void PostStop() => _log.Enqueue("PostStop");

        protected override void PreRestart(Exception reason, object? message)
        {
            _log.Enqueue($"PreRestart {message}");
            base.PreRestart(reason, message);
        }

        protected override void PostRestart(Exception reason)
        {
            _log.Enqueue("PostRestart");
            base.PostRestart(reason);
        }
    }

    private sealed class Greeter : ReceiveActor
    {
        private readonly IActorRef _report;

        // The Akka-style static factory: the method hides the type name, so the type is qualified.
        public static Props Props(IActorRef report) => StandbyOps.Actors.Props.Create(() => new Greeter(report));

        public Greeter(IActorRef report)
        {
            _report = report;
            Receive<string>(s => report.Tell(s));
        }

        protected override void PreStart() => _report.Tell("ready");
    }

    private sealed class Toggle : ReceiveActor
    {
        public Toggle() => Off();

        private void Off() =>
            Become(() =>
            {
                Receive<string>(_ => Become(On), s => s == "flip");
                Receive<string>(_ => Sender.Tell("off"));
            });

        private void On() =>
            Become(() =>
            {
                Receive<string>(_ => Off(), s => s == "flip");
                Receive<string>(_ => Sender.Tell("on"));
            });
    }

    private sealed class Classifier : ReceiveActor
    {
        public Classifier()
        {
            Receive<int>(_ => Sender.Tell("negative"), i => i < 0);
            Receive<int>(_ => Sender.Tell("other"));
        }
    }
}
