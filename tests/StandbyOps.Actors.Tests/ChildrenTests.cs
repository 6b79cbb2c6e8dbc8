namespace StandbyOps.Actors.Tests;

public sealed class ChildrenTests : ActorTestBase
{
    [Fact]
    public void A_child_is_found_by_its_name_and_has_a_path_under_its_parent()
    {
        var parent = System.ActorOf(Props.Create(() => new Parent()), "pager");

        Probe.Send(parent, new Spawn("incident-42"));
        var child = Probe.ExpectMsg<IActorRef>();

        Assert.Equal("actor://test/user/pager/incident-42", child.Path);
        Probe.Send(parent, new Find("incident-42"));
        Assert.Same(child, Probe.ExpectMsg<Found>().Child);
    }

    [Fact]
    public void A_second_child_with_a_taken_name_is_rejected()
    {
        var parent = System.ActorOf(Props.Create(() => new Parent()), "pager");
        Probe.Send(parent, new Spawn("incident-42"));
        Probe.ExpectMsg<IActorRef>();

        Probe.Send(parent, new Spawn("incident-42"));

        Assert.IsType<InvalidActorNameException>(Probe.ExpectMsg<Exception>());
    }

    [Fact]
    public void A_name_is_free_again_once_its_child_has_stopped()
    {
        var parent = System.ActorOf(Props.Create(() => new Parent()), "pager");
        Probe.Send(parent, new Spawn("incident-42"));
        var first = Probe.ExpectMsg<IActorRef>();
        Probe.Watch(first);
        first.Tell(PoisonPill.Instance);
        Probe.ExpectTerminated(first);
        Settle(parent);

        Probe.Send(parent, new Spawn("incident-42"));

        var second = Probe.ExpectMsg<IActorRef>();
        Assert.NotSame(first, second);
        Assert.Equal(first.Path, second.Path);
    }

    [Fact]
    public void Children_lists_the_live_children()
    {
        var parent = System.ActorOf(Props.Create(() => new Parent()), "pager");
        Probe.Send(parent, new Spawn("a"));
        var a = Probe.ExpectMsg<IActorRef>();
        Probe.Send(parent, new Spawn("b"));
        var b = Probe.ExpectMsg<IActorRef>();

        Probe.Send(parent, new ListChildren());

        Assert.Equal(new[] { a, b }.ToHashSet(), Probe.ExpectMsg<IActorRef[]>().ToHashSet());
    }

    [Fact]
    public void Top_level_names_are_unique_too()
    {
        System.ActorOf(Props.Create(() => new Parent()), "pager");

        Assert.Throws<InvalidActorNameException>(() => System.ActorOf(Props.Create(() => new Parent()), "pager"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a/b")]
    [InlineData("$reserved")]
    [InlineData("with space")]
    public void Invalid_names_are_rejected(string name) =>
        Assert.Throws<InvalidActorNameException>(() => System.ActorOf(Props.Create(() => new Parent()), name));

    [Fact]
    public void Unnamed_actors_get_distinct_generated_names()
    {
        var first = System.ActorOf(Props.Create(() => new Parent()));
        var second = System.ActorOf(Props.Create(() => new Parent()));

        Assert.NotEqual(first.Path, second.Path);
    }

    [Fact]
    public void Stopping_a_parent_stops_its_children_first()
    {
        var order = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var parent = System.ActorOf(Props.Create(() => new Parent(order)), "pager");
        Probe.Send(parent, new Spawn("incident-1"));
        Probe.ExpectMsg<IActorRef>();
        Probe.Watch(parent);

        System.Stop(parent);

        Probe.ExpectTerminated(parent);
        Assert.Equal(["incident-1", "pager"], order);
    }

    [Fact]
    public void Constructing_an_actor_with_new_is_refused()
    {
        var failure = Assert.Throws<InvalidOperationException>(() => new Parent());

        Assert.Contains("ActorOf", failure.Message, StringComparison.Ordinal);
    }

    private sealed record Spawn(string Name);

    private sealed record Find(string Name);

    private sealed record Found(IActorRef? Child);

    private sealed record ListChildren;

    private sealed class Parent : ReceiveActor
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string>? _stopOrder;

        public Parent(System.Collections.Concurrent.ConcurrentQueue<string>? stopOrder = null)
        {
            _stopOrder = stopOrder;
            Receive<Spawn>(spawn =>
            {
                try
                {
                    Sender.Tell(Context.ActorOf(Props.Create(() => new Parent(stopOrder)), spawn.Name));
                }
                catch (InvalidActorNameException exception)
                {
                    Sender.Tell(exception);
                }
            });
            Receive<Find>(find => Sender.Tell(new Found(Context.Child(find.Name))));
            Receive<ListChildren>(_ => Sender.Tell(Context.Children.ToArray()));
        }

        protected override void PostStop() => _stopOrder?.Enqueue(Self.Path[(Self.Path.LastIndexOf('/') + 1)..]);
    }
}
