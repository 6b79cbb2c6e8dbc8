using StandbyOps.Actors.Testing;
using StandbyOps.Actors.Time;

namespace StandbyOps.Actors.Tests;

/// <summary>A fresh system on virtual time and a probe per test; the system is terminated afterwards.</summary>
public abstract class ActorTestBase : IAsyncLifetime
{
    /// <summary>Guards awaits that should complete promptly, so a kernel bug fails the test instead of hanging it.</summary>
    protected static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);

    protected ActorTestBase(ActorSystemOptions? options = null)
    {
        Time = new VirtualTime();
        System = new ActorSystem("test", Time, options);
        Probe = new TestProbe(System, "probe");
    }

    protected VirtualTime Time { get; }

    protected ActorSystem System { get; }

    protected TestProbe Probe { get; }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => System.Terminate().WaitAsync(Guard);

    /// <summary>Waits until the actor has handled everything told to it before (a round trip through its mailbox).</summary>
    protected void Settle(IActorRef actor)
    {
        var probe = new TestProbe(System);
        actor.Tell(new Identify(), probe);
        probe.ExpectMsg<ActorIdentity>();
    }
}
