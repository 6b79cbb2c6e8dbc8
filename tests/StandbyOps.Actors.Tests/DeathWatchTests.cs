namespace StandbyOps.Actors.Tests;

public sealed class DeathWatchTests : ActorTestBase
{
    [Fact]
    public void A_watcher_is_told_when_the_watched_actor_stops()
    {
        var target = System.ActorOf(Props.Create(() => new Idle()), "target");
        var watcher = System.ActorOf(Props.Create(() => new Watcher(Probe)), "watcher");
        Probe.Send(watcher, new WatchIt(target));
        Probe.ExpectMsg("watching");

        System.Stop(target);

        Assert.Same(target, Probe.ExpectMsg<Terminated>().ActorRef);
    }

    [Fact]
    public void Watching_an_actor_that_already_stopped_delivers_terminated_at_once()
    {
        var target = System.ActorOf(Props.Create(() => new Idle()), "target");
        Probe.Watch(target);
        System.Stop(target);
        Probe.ExpectTerminated(target);
        var watcher = System.ActorOf(Props.Create(() => new Watcher(Probe)), "watcher");

        Probe.Send(watcher, new WatchIt(target));

        Probe.ExpectMsg("watching");
        Assert.Same(target, Probe.ExpectMsg<Terminated>().ActorRef);
    }

    [Fact]
    public void An_unwatched_actor_stopping_is_not_reported()
    {
        var target = System.ActorOf(Props.Create(() => new Idle()), "target");
        var watcher = System.ActorOf(Props.Create(() => new Watcher(Probe)), "watcher");
        Probe.Send(watcher, new WatchIt(target));
        Probe.ExpectMsg("watching");
        Probe.Send(watcher, new UnwatchIt(target));
        Probe.ExpectMsg("unwatched");

        System.Stop(target);

        Probe.ExpectNoMsg();
    }

    [Fact]
    public void A_probe_can_watch_an_actor_stopped_by_a_poison_pill_after_its_queued_messages()
    {
        var target = System.ActorOf(Props.Create(() => new Watcher(Probe)), "target");
        Probe.Watch(target);

        target.Tell("before");
        target.Tell(PoisonPill.Instance);

        Probe.ExpectMsg("before");
        Probe.ExpectTerminated(target);
    }

    private sealed record WatchIt(IActorRef Target);

    private sealed record UnwatchIt(IActorRef Target);

    private sealed class Idle : ReceiveActor
    {
    }

    private sealed class Watcher : ReceiveActor
    {
        public Watcher(IActorRef report)
        {
            Receive<WatchIt>(w =>
            {
                Context.Watch(w.Target);
                report.Tell("watching");
            });
            Receive<UnwatchIt>(w =>
            {
                Context.Unwatch(w.Target);
                report.Tell("unwatched");
            });
            Receive<Terminated>(t => report.Tell(t));
            Receive<string>(s => report.Tell(s));
        }
    }
}
