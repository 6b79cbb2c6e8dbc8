using StandbyOps.Actors.DeadLetters;
using StandbyOps.Actors.Kernel;
using StandbyOps.Actors.Timers;

namespace StandbyOps.Actors;

/// <summary>
/// Lifecycle and context shared by all actors. Derive from <see cref="ReceiveActor"/>; create instances
/// only through <see cref="Props"/> and <c>ActorOf</c>.
/// </summary>
public abstract class ActorBase
{
    private readonly ActorCell _cell;

    /// <summary>Binds the new instance to the cell that is creating it.</summary>
    /// <exception cref="InvalidOperationException">The actor is being constructed outside <c>ActorOf</c>.</exception>
    protected ActorBase()
    {
        _cell = ActorCell.Constructing
            ?? throw new InvalidOperationException($"{GetType().Name} must be created by ActorOf(Props), not with 'new'.");
    }

    /// <summary>This actor's context.</summary>
    protected IActorContext Context => _cell;

    /// <summary>This actor's own ref.</summary>
    protected IActorRef Self => _cell;

    /// <summary>The sender of the message being handled; the dead letters ref when there is none.</summary>
    protected IActorRef Sender => _cell.Sender;

    /// <summary>This actor's keyed timers.</summary>
    protected ITimerScheduler Timers => _cell.Timers;

    /// <summary>Called before the first message, on start and (through <see cref="PostRestart"/>) on restart.</summary>
    protected internal virtual void PreStart()
    {
    }

    /// <summary>Called once the actor and all its children have stopped, and on the old instance before a restart.</summary>
    protected internal virtual void PostStop()
    {
    }

    /// <summary>Called on the failed instance before it is replaced; by default stops all children, then calls <see cref="PostStop"/>.</summary>
    protected internal virtual void PreRestart(Exception reason, object? message)
    {
        foreach (var child in Context.Children)
        {
            Context.Stop(child);
        }

        PostStop();
    }

    /// <summary>Called on the fresh instance after a restart; by default calls <see cref="PreStart"/>.</summary>
    protected internal virtual void PostRestart(Exception reason) => PreStart();

    /// <summary>Called for a message no handler matched; by default publishes it as a dead letter.</summary>
    protected virtual void Unhandled(object message) =>
        _cell.System.DeadLetters.Publish(message, _cell.Sender, _cell, DeadLetterReason.Unhandled);

    internal ActorCell Cell => _cell;

    /// <summary>Handles one message; returns the pending task of an async handler, or <c>null</c> when done.</summary>
    internal abstract Task? Dispatch(object message);

    /// <summary>Lets the dispatcher route a miss to the overridable <see cref="Unhandled"/>.</summary>
    private protected void OnUnhandled(object message) => Unhandled(message);
}
